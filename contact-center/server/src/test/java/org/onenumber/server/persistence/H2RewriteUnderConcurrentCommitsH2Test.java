package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17 (session 15): the live rewrite of sparse chunks ({@link H2FileHousekeeping#rewriteSparseChunks},
 * {@link H2FileHousekeeper}) under concurrent commits, configured as the server configures it
 * ({@code WRITE_DELAY 0}, {@code RETENTION_TIME 0}, the opt-in fill rate of 50 %) but ten times as often
 * (every 100 ms), while writer threads commit a city day's pattern (a contact opened, its event, two
 * recent contacts updated, each its own commit) and a reader scans the event table as reports do.
 * Every statement must succeed, the store must stay open, and the file must stay small.
 *
 * <p>H2 2.3.232's rewrite raced with concurrent writers (H2 pull request 4374, "Position 0", seen
 * on a loaded city day in session 13); 2.5.x publishes a page reference's position before it
 * clears the page (acquire/release), which is that fix. A second failure, in 2.3.232 and 2.5.252
 * alike and with or without the rewrite: H2's automatic ANALYZE, which a commit runs after 2,000
 * changed rows, scans a snapshot that {@code RETENTION_TIME 0} does not protect, and a chunk freed
 * meanwhile fails that commit ("Chunk N not found", H2 issue 4383); the server's URL turns it off
 * ({@value #SERVER_URL_SETTINGS}). {@code -Dh2Rewrite.urlSettings=} (empty) runs with H2's automatic
 * ANALYZE and fails within seconds; {@code -Dh2Rewrite.seconds=N} runs longer;
 * {@code -Dh2Rewrite.fillRate=0} runs without the rewrite.
 */
class H2RewriteUnderConcurrentCommitsH2Test {

  /** What the server's H2 URL (application.yml) adds for this: no automatic ANALYZE inside a commit. */
  static final String SERVER_URL_SETTINGS = ";ANALYZE_AUTO=0";
  /** The rate the README measured (the server's is opt-in, {@link H2FileHousekeeper}). */
  private static final int FILL_RATE = 50;
  private static final int WRITERS = 4;
  /** The file may hold 8 MB plus 700 bytes a commit (the commit rate varies with the machine's load). */
  private static final long FILE_BASE_BYTES = 8L << 20;
  private static final long FILE_BYTES_PER_COMMIT = 700;

  @TempDir
  Path dir;

  @Test
  void theServersH2UrlTurnsTheAutomaticAnalyzeOff() throws Exception {
    try (var yml = getClass().getResourceAsStream("/application.yml")) {
      String config = new String(yml.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(config.contains("jdbc:h2:file:") && config.contains(SERVER_URL_SETTINGS + "\n"),
          "application.yml's H2 URL ends with " + SERVER_URL_SETTINGS);
    }
  }

  @Test
  void rewritingSparseChunksWhileWritersCommitFailsNoStatementAndKeepsTheFileSmall() throws Exception {
    int seconds = Integer.getInteger("h2Rewrite.seconds", 10);
    int fillRate = Integer.getInteger("h2Rewrite.fillRate", FILL_RATE);
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("onenumber") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
        + System.getProperty("h2Rewrite.urlSettings", SERVER_URL_SETTINGS));
    h2.setUser("sa");
    h2.setPassword("");
    Path file = dir.resolve("onenumber.mv.db");
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    AtomicLong commits = new AtomicLong();
    AtomicLong rewrites = new AtomicLong();
    AtomicLong largest = new AtomicLong();
    try (Connection admin = h2.getConnection(); Statement statement = admin.createStatement()) {
      new DurableCommits(0, DurableCommits.H2_REUSE_AT_ONCE_MS).apply(h2); // the rewrite frees chunks only with 0
      H2FileHousekeeping store = H2FileHousekeeping.of(admin).orElseThrow();
      CityDayWrites.createTables(statement);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 2);
      List<Future<?>> running = new ArrayList<>();
      for (int writer = 0; writer < WRITERS; writer++) {
        Random random = new Random(writer);
        running.add(threads.submit(() -> writeUntil(h2, end, random, commits, failures)));
      }
      running.add(threads.submit(() -> scanUntil(h2, end, failures)));
      running.add(threads.submit(() -> {
        while (System.nanoTime() < end && failures.isEmpty()) {
          try {
            if (fillRate > 0 && store.rewriteSparseChunks(fillRate)) {
              rewrites.incrementAndGet();
            }
            largest.accumulateAndGet(Files.size(file), Math::max);
            Thread.sleep(100);
          } catch (Exception | Error e) {
            failures.add(e);
          }
        }
        return null;
      }));
      threads.shutdown();
      for (Future<?> each : running) {
        each.get(seconds + 120L, TimeUnit.SECONDS);
      }
      largest.accumulateAndGet(Files.size(file), Math::max);
      System.out.println("[H2RewriteUnderConcurrentCommitsH2Test] " + commits + " commits in " + seconds + " s, "
          + rewrites + " rewrites at fill rate " + fillRate + ", largest file " + (largest.get() >> 20) + " MB, "
          + failures.size() + " failures " + failures.stream().findFirst().map(Throwable::toString).orElse(""));
      failures.stream().findFirst().ifPresent(first -> first.printStackTrace(System.out));
      assertTrue(failures.isEmpty(), "statements failed while the chunks were rewritten: " + failures.peek());
      assertFalse(store.fileBytes() == 0, "the store closed");
      try (ResultSet row = statement.executeQuery("select count(*) from contact")) {
        row.next();
        assertEquals(commits.get() / 4, row.getLong(1), "every opened contact is there");
      }
    }
    long bound = FILE_BASE_BYTES + FILE_BYTES_PER_COMMIT * commits.get();
    assertTrue(largest.get() < bound, "the H2 file grew to " + (largest.get() >> 20) + " MB over " + commits
        + " commits (bound " + (bound >> 20) + " MB)");
  }

  private static Void writeUntil(JdbcDataSource h2, long end, Random random, AtomicLong commits,
      ConcurrentLinkedQueue<Throwable> failures) throws SQLException {
    try (Connection connection = h2.getConnection(); CityDayWrites writes = new CityDayWrites(connection)) {
      while (System.nanoTime() < end && failures.isEmpty()) {
        try {
          writes.oneContact("line-" + random.nextInt(20), 100 + random.nextInt(300), 100 + random.nextInt(300), random);
          commits.addAndGet(4);
        } catch (SQLException | RuntimeException e) {
          failures.add(e);
        }
      }
    }
    return null;
  }

  private static Void scanUntil(JdbcDataSource h2, long end, ConcurrentLinkedQueue<Throwable> failures)
      throws SQLException, InterruptedException {
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      while (System.nanoTime() < end && failures.isEmpty()) {
        try (ResultSet row = statement.executeQuery("select count(*), sum(length(body)) from domain_event")) {
          row.next();
        } catch (SQLException | RuntimeException e) {
          failures.add(e);
        }
        Thread.sleep(50);
      }
    }
    return null;
  }
}
