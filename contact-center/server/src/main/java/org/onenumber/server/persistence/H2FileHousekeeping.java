package org.onenumber.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import org.h2.command.CommandInterface;
import org.h2.engine.Database;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.h2.mvstore.FileStore;
import org.h2.mvstore.MVStore;

/**
 * The housekeeping of an embedded H2 file that {@code WRITE_DELAY 0} switches off (issue 17), through
 * H2's public store API.
 *
 * <p>With {@code WRITE_DELAY 0} ({@link DurableCommits}) H2 stores every commit before it returns
 * (its {@code TransactionStore} commits the MVStore whenever the auto-commit delay is 0) and so stops
 * its background writer thread, the one that also rewrites sparse chunks. Each commit appends a chunk
 * holding the B-tree pages it changed; when later commits supersede most of those pages, the chunk
 * stays on the file for the few that are still live. {@code RETENTION_TIME 0} frees a chunk once
 * nothing in it is live, which keeps a few hot rows small, but a day of new contacts, each updated
 * a few times, leaves most chunks a sixth full and the file grows by ~4 KB a contact (803 MB over
 * a Seoul day, session 12). {@link #rewriteSparseChunks} does what the background thread would:
 * {@link MVStore#compact} copies the live pages of the emptiest chunks (at most
 * {@link #REWRITE_BYTES} a call) into the store's next chunk; the emptied chunks are freed at the
 * next commit and their space is reused. It takes H2's store lock the way a commit does, so a
 * commit waits behind it (tens of milliseconds) and is never acknowledged before it is on disk;
 * until that next commit the old chunks stay valid on the file, so a killed process loses nothing.
 * In H2 2.3.232 the page rewrite raced with concurrent writes (H2 pull request 4374): under a
 * loaded day a concurrent commit failed with "Position 0"; H2 2.5.252 has the fix, but the server
 * still leaves the rewrite off by default ({@link H2FileHousekeeper} says why).
 *
 * <p>{@link #compactWhenClosed} makes the database's eventual clean close (the pool closing its
 * last connection, or H2's own JVM shutdown hook) a {@code SHUTDOWN COMPACT}: the live data is
 * copied into a new file that atomically replaces the old one, so a restart reads only live data.
 * A process killed during that copy leaves the old file.
 */
final class H2FileHousekeeping {

  /** Live bytes {@link #rewriteSparseChunks} copies at most per call (H2's own background pass writes a few MB). */
  static final int REWRITE_BYTES = 2 << 20;

  private final Database database;
  private final MVStore store;

  private H2FileHousekeeping(Database database, MVStore store) {
    this.database = database;
    this.store = store;
  }

  /** The housekeeping of the embedded H2 file database {@code connection} is open on; empty for any other database. */
  static Optional<H2FileHousekeeping> of(Connection connection) throws SQLException {
    if (!connection.isWrapperFor(JdbcConnection.class)
        || !(connection.unwrap(JdbcConnection.class).getSession() instanceof SessionLocal session)) {
      return Optional.empty();
    }
    Database database = session.getDatabase();
    if (!database.isPersistent() || database.getStore() == null || database.getStore().getMvStore().getFileStore() == null) {
      return Optional.empty();
    }
    return Optional.of(new H2FileHousekeeping(database, database.getStore().getMvStore()));
  }

  /**
   * Rewrites the live pages of the emptiest chunks when the chunks hold less than {@code fillRate}
   * percent live data (0: never); returns whether anything was rewritten.
   */
  boolean rewriteSparseChunks(int fillRate) {
    return !store.isClosed() && store.compact(fillRate, REWRITE_BYTES);
  }

  /** Every later clean close of the database compacts its file fully ({@code SHUTDOWN COMPACT}). */
  void compactWhenClosed() {
    database.setCompactMode(CommandInterface.SHUTDOWN_COMPACT);
  }

  /** The size of the {@code .mv.db} file in bytes. */
  long fileBytes() {
    FileStore<?> file = store.getFileStore();
    return file == null || store.isClosed() ? 0 : file.size();
  }

  /** How much of the chunks on the file is live data, in percent. */
  int chunksFillRate() {
    FileStore<?> file = store.getFileStore();
    return file == null || store.isClosed() ? 100 : file.getChunksFillRate();
  }
}
