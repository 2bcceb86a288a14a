package org.onenumber.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17: the embedded H2 file must not balloon under the write pattern of a city day, where
 * every acknowledged commit is on disk ({@link DurableCommits}, WRITE_DELAY 0) and hot rows (an
 * operator's session, a contact's state) are updated again and again, each in its own commit.
 * With H2's own RETENTION_TIME of 45 s none of the superseded chunks of this test is reused and
 * the file grew to 177 MB here (118 MB with 1 s); with 0 it stayed at 7 MB (2026-12-03).
 * {@code -Dh2JournalGrowth.retentionMs=45000} runs it with H2's own setting (it fails). Session 18: the
 * server went back to H2's own 45 s ({@code onenumber.durability.h2-retention-ms}), because 0 lost
 * acknowledged commits after SIGKILL ({@code H2KillLoopFaults}); these tests measure what 0 (opt-in) does.
 *
 * <p>A day is mostly new contacts, each updated a few times soon after it opened: there the retention
 * of 0 is not enough (most chunks keep a few live pages, session 12's 803 MB Seoul day) and the
 * file stays small only with {@link H2FileHousekeeping}'s rewrite of sparse chunks (opt-in in
 * the server; under concurrent writers see {@link H2RewriteUnderConcurrentCommitsH2Test}), and is
 * compacted at a clean close (on in the server). {@code -Dh2JournalGrowth.housekeeping=false} runs
 * that test without both (it fails on both bounds).
 */
class H2JournalGrowthH2Test {

  private static final int COMMITS = 5_000;
  private static final long BOUND_BYTES = 48L << 20;

  private static final int CONTACTS = 6_000;
  private static final long DAY_BOUND_BYTES = 16L << 20;
  private static final long CLOSED_BOUND_BYTES = 4L << 20;

  @TempDir
  Path dir;

  @Test
  void contactsOpenedAndUpdatedAllDayKeepTheFileSmallAndACloseCompactsIt() throws Exception {
    JdbcDataSource h2 = dataSource();
    Path file = dir.resolve("onenumber.mv.db");
    boolean housekeeping = Boolean.parseBoolean(System.getProperty("h2JournalGrowth.housekeeping", "true"));
    long largest = 0;
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      new DurableCommits(0, DurableCommits.H2_REUSE_AT_ONCE_MS).apply(h2);
      H2FileHousekeeping store = H2FileHousekeeping.of(connection).orElseThrow();
      if (housekeeping) {
        store.compactWhenClosed();
      }
      CityDayWrites.createTables(statement);
      try (CityDayWrites writes = new CityDayWrites(connection)) {
        java.util.Random random = new java.util.Random(17);
        for (int i = 1; i <= CONTACTS; i++) {
          writes.oneContact("line-" + i % 20, 300, 150, random);
          // the opt-in 1 s schedule, at a fixed count of commits so that the machine's speed does not matter
          if (housekeeping && i % 100 == 0) {
            store.rewriteSparseChunks(50);
          }
          if (i % 250 == 0) {
            largest = Math.max(largest, Files.size(file));
          }
        }
      }
      largest = Math.max(largest, Files.size(file));
    }
    long closed = Files.size(file);
    System.out.println("[H2JournalGrowthH2Test] day: largest file " + (largest >> 20) + " MB over " + 4 * CONTACTS
        + " commits, " + (closed >> 10) + " KB after the close (housekeeping " + housekeeping + ")");
    assertTrue(largest < DAY_BOUND_BYTES, "the H2 file grew to " + (largest >> 20) + " MB over " + 4 * CONTACTS
        + " commits (bound " + (DAY_BOUND_BYTES >> 20) + " MB)");
    assertTrue(closed < CLOSED_BOUND_BYTES, "a clean close left " + (closed >> 20) + " MB (bound "
        + (CLOSED_BOUND_BYTES >> 20) + " MB)");
    try (Connection again = h2.getConnection(); Statement statement = again.createStatement();
        java.sql.ResultSet row = statement.executeQuery("select count(*) from contact")) {
      row.next();
      assertEquals(CONTACTS, row.getInt(1), "contacts after the compacting close");
    }
  }

  @Test
  void anInMemoryDatabaseHasNoFileToKeep() throws Exception {
    try (Connection memory = java.sql.DriverManager.getConnection("jdbc:h2:mem:housekeeping", "sa", "")) {
      assertTrue(H2FileHousekeeping.of(memory).isEmpty());
    }
  }

  private JdbcDataSource dataSource() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:file:" + dir.resolve("onenumber") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE");
    h2.setUser("sa");
    h2.setPassword("");
    return h2;
  }

  @Test
  void hotRowUpdatesCommittedOneByOneKeepTheFileSmall() throws Exception {
    JdbcDataSource h2 = dataSource();
    Path file = dir.resolve("onenumber.mv.db");
    long largest = 0;
    // the database stays open while this connection is (as the server's pool keeps it open): the
    // settings DurableCommits makes on its own connection hold for the whole run
    try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
      new DurableCommits(0, Integer.getInteger("h2JournalGrowth.retentionMs", DurableCommits.H2_REUSE_AT_ONCE_MS)).apply(h2);
      statement.execute("create table agent_session(agent_id int primary key, state varchar(40), note varchar(300))");
      statement.execute("create table domain_event(id bigint generated by default as identity primary key,"
          + " agent_id int, kind varchar(40), body varchar(300))");
      for (int agent = 0; agent < 300; agent++) {
        statement.execute("insert into agent_session values (" + agent + ", 'ready', repeat('n', 200))");
      }
      try (PreparedStatement session = connection.prepareStatement("update agent_session set state = ? where agent_id = ?");
          PreparedStatement event = connection.prepareStatement(
              "insert into domain_event(agent_id, kind, body) values (?, 'agent.state-changed', repeat('e', 150))")) {
        for (int i = 0; i < COMMITS; i++) {
          session.setString(1, "state-" + (i % 7));
          session.setInt(2, i % 300);
          session.executeUpdate();
          event.setInt(1, i % 300);
          event.executeUpdate();
          if (i % 250 == 0) {
            largest = Math.max(largest, Files.size(file));
          }
        }
      }
      largest = Math.max(largest, Files.size(file));
    }
    System.out.println("[H2JournalGrowthH2Test] largest file " + (largest >> 20) + " MB over " + 2 * COMMITS + " commits");
    assertTrue(largest < BOUND_BYTES, "the H2 file grew to " + (largest >> 20) + " MB over " + 2 * COMMITS
        + " commits (bound " + (BOUND_BYTES >> 20) + " MB)");
  }
}
