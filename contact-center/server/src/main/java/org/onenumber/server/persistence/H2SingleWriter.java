package org.onenumber.server.persistence;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One writing transaction at a time on an H2 file database (issue 11, the torn commit after SIGKILL).
 *
 * <p>H2's MVStore writes a chunk by taking each map's root (a table, an index, a transaction's undo log)
 * one after the other while other connections go on writing (H2 issue 2080, open; "consistent snapshot
 * is only ensured for a single map, not across all of them"). With {@code WRITE_DELAY 0} every commit
 * writes such a chunk. When another connection's transaction commits in the middle of that walk, the
 * chunk can hold its rows in the maps taken after its commit and miss them in the maps taken before; its
 * undo log is already empty, so after a SIGKILL (before the next chunk) H2 sees half a transaction as
 * committed: a contact and its citizen without their steps, events and message (CI, session 17). The
 * transaction itself was never acknowledged (its own chunk had not been written), but the journal
 * it leaves is wrong.
 *
 * <p>So {@link Jdbc} takes this lock before a transaction's first write (or an autocommitted write)
 * and holds it until the commit, chunk included, has returned: no write of another transaction runs
 * while a chunk is taken. Reads take no lock. A wait longer than {@link #patienceMillis} (a thread
 * that holds it waiting for another that needs it) goes on without it, logged and counted in
 * {@link #timedOut()}, rather than hang. One lock per database file (by URL), shared by every
 * {@code Jdbc} and pool of the JVM. PostgreSQL and in-memory H2 need none ({@link #NONE}).
 */
final class H2SingleWriter {

  static final H2SingleWriter NONE = new H2SingleWriter(null, 0);
  private static final Map<String, ReentrantLock> BY_FILE = new ConcurrentHashMap<>();
  private static final Logger LOG = LoggerFactory.getLogger(H2SingleWriter.class);

  private final ReentrantLock lock;
  private final long patienceMillis;
  private final LongAdder timedOut = new LongAdder();

  private H2SingleWriter(ReentrantLock lock, long patienceMillis) {
    this.lock = lock;
    this.patienceMillis = patienceMillis;
  }

  /** The writer for the database at {@code url}: a lock for an H2 file, {@link #NONE} otherwise. */
  static H2SingleWriter forUrl(String url, long patienceMillis) {
    if (DurableCommits.statementFor(url) == null) {
      return NONE;
    }
    String file = url.split(";", 2)[0];
    return new H2SingleWriter(BY_FILE.computeIfAbsent(file, f -> new ReentrantLock(true)), patienceMillis);
  }

  boolean active() {
    return lock != null;
  }

  /** Takes the lock unless the calling thread holds it already. */
  void enter() {
    if (lock == null || lock.isHeldByCurrentThread()) {
      return;
    }
    try {
      if (lock.tryLock(patienceMillis, TimeUnit.MILLISECONDS)) {
        return;
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    timedOut.increment();
    LOG.warn("an H2 write waited over {} ms for another transaction's commit and goes on beside it", patienceMillis);
  }

  /** Lets the lock go if the calling thread holds it (after its commit or rollback). */
  void leave() {
    if (lock != null) {
      while (lock.isHeldByCurrentThread()) {
        lock.unlock();
      }
    }
  }

  /** Writes that went on without the lock after {@link #patienceMillis}. */
  long timedOut() {
    return timedOut.sum();
  }
}
