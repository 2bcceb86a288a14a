package org.onenumber.server.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes a commit mean "on disk" before anything is acknowledged, whatever URL the datasource was
 * given; {@link Jdbc} runs it once when it is created, before any request.
 *
 * <ol>
 *   <li><b>H2 file database</b>: {@code SET WRITE_DELAY 0}. H2 2.x (MVStore) otherwise commits in
 *       memory and writes its store up to 500 ms later in the background, so a {@code kill -9}
 *       loses the last half second of acknowledged work. With 0 every transaction commit writes
 *       its chunk to the file before returning. The setting belongs to the database (persistent,
 *       for every connection). The write reaches the operating system, not the platter: it
 *       survives the death of the process, not of the machine (MVStore has no fsync per commit).
 *   <li><b>PostgreSQL</b>: the session's {@code synchronous_commit} must be {@code on} (or
 *       {@code remote_write}/{@code remote_apply}): a commit then returns after its WAL record is
 *       flushed. {@code off} or {@code local} (a server, database or role default) is refused at
 *       start rather than turning acknowledgements into promises; {@code application-postgres.yml}
 *       also asks for {@code on} in the connection options.
 *   <li><b>H2's old chunks</b>: {@code SET RETENTION_TIME} only when {@code
 *       onenumber.durability.h2-retention-ms} is 0 or more; by default H2 keeps its own 45,000 ms.
 *       With {@code WRITE_DELAY 0} every commit appends a chunk of 20–30 KB and H2 2.x's background
 *       writer, the one that would rewrite and free old chunks, does not run: a superseded chunk's
 *       space is reused once it is older than the retention time, so the live file grows (issue 17;
 *       a clean stop compacts it, {@link H2FileHousekeeper}). Sessions 11–17 set 0 (reuse at once)
 *       against that growth; in session 18's crash loops ({@code H2KillLoopFaults}) 0 lost
 *       acknowledged commits even with one writer at a time ({@link H2SingleWriter}), H2's 45 s did not.
 *   <li>An in-memory H2 (tests) or another database is left alone.
 * </ol>
 */
final class DurableCommits {

  static final String H2 = "SET WRITE_DELAY 0";
  /** The server's H2 RETENTION_TIME ({@code onenumber.durability.h2-retention-ms}): negative, H2's own 45,000 ms. */
  static final int H2_RETENTION_MS = -1;
  /** RETENTION_TIME 0, the server's before session 18: a dead chunk reused at once (the growth tests measure it). */
  static final int H2_REUSE_AT_ONCE_MS = 0;
  private static final Logger LOG = LoggerFactory.getLogger(DurableCommits.class);

  private final int h2WriteDelayMillis;
  private final int h2RetentionMillis;

  /**
   * @param h2WriteDelayMillis {@code onenumber.durability.h2-write-delay-ms}: 0 (durable); a
   *     benchmark of the old behaviour sets H2's former default of 500
   * @param h2RetentionMillis {@code onenumber.durability.h2-retention-ms}: how long H2 keeps a
   *     superseded chunk before its space is reused; negative leaves H2's own setting
   */
  DurableCommits(int h2WriteDelayMillis, int h2RetentionMillis) {
    this.h2WriteDelayMillis = h2WriteDelayMillis;
    this.h2RetentionMillis = h2RetentionMillis;
  }

  void apply(DataSource dataSource) {
    try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
      String url = connection.getMetaData().getURL();
      if (H2.equals(statementFor(url))) {
        statement.execute("SET WRITE_DELAY " + Math.max(0, h2WriteDelayMillis));
        if (h2RetentionMillis >= 0) {
          statement.execute("SET RETENTION_TIME " + h2RetentionMillis);
        }
        if (h2WriteDelayMillis > 0) {
          LOG.warn("H2 WRITE_DELAY {} ms: acknowledged work can be lost in a crash", h2WriteDelayMillis);
        } else {
          LOG.info("H2 writes every commit to its file before it is acknowledged (WRITE_DELAY 0)");
        }
      } else if (url != null && url.startsWith("jdbc:postgresql:")) {
        try (ResultSet row = statement.executeQuery("select current_setting('synchronous_commit')")) {
          row.next();
          requireSynchronous(row.getString(1));
        }
      }
    } catch (SQLException e) {
      LOG.warn("could not check that commits are durable: {}", e.getMessage());
    }
  }

  /** The statement that makes commits durable on this database, or null for one left alone. */
  static String statementFor(String url) {
    return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:") ? H2 : null;
  }

  static void requireSynchronous(String setting) {
    if ("off".equalsIgnoreCase(setting) || "local".equalsIgnoreCase(setting)) {
      throw new IllegalStateException("PostgreSQL synchronous_commit is '" + setting + "': an acknowledged contact "
          + "could be lost in a crash. Set it to on for the OneNumber role or database.");
    }
  }
}
