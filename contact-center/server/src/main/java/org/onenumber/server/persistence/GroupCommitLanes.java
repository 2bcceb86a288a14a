package org.onenumber.server.persistence;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * Several {@link GroupCommit}s side by side, each with its own committer thread and connection:
 * work is given to the lane its key hashes to, so the work of one key (one sender's messages) stays
 * in one lane, in arrival order, while other keys' batches run and commit at the same time. One
 * committer sends its batch's statements one round trip after the other; with one lane the
 * database and the other core wait on it (issue 11: 685 webhooks/s, p99 108 ms with one lane).
 * Each lane keeps every rule of {@link GroupCommit}: a caller returns only after the commit that
 * holds its work. Thread-safe.
 */
public final class GroupCommitLanes implements AutoCloseable {

  private final List<GroupCommit> lanes = new ArrayList<>();
  /** The committers' own pool, closed with the lanes; null: they use the shared pool. */
  private final HikariDataSource own;

  /**
   * @param name the committer threads' name; lane {@code i}'s is {@code name-i}
   * @param lanes how many committers (at least 1)
   * @param maxBatch the most items one transaction of a lane holds
   */
  public GroupCommitLanes(Jdbc jdbc, String name, int lanes, int maxBatch) {
    this(jdbc, name, lanes, maxBatch, null);
  }

  private GroupCommitLanes(Jdbc jdbc, String name, int lanes, int maxBatch, HikariDataSource own) {
    if (lanes < 1) {
      throw new IllegalArgumentException("lanes must be at least 1");
    }
    this.own = own;
    for (int i = 0; i < lanes; i++) {
      this.lanes.add(new GroupCommit(jdbc, name + "-" + i, maxBatch, own));
    }
  }

  /**
   * Lanes whose committers take their connections from a pool of their own, one connection per lane
   * ({@link OwnPool} named {@code name}; the shared pool when {@code shared} is not a Hikari pool).
   * On the shared pool a committer waited for a connection behind every other request before each
   * batch, and its callers with it: at New York's peak (issue 17, session 16) the chat sessions' reads
   * and timers kept 50-140 requests waiting for the 16 shared connections.
   */
  public static GroupCommitLanes withOwnConnections(Jdbc jdbc, DataSource shared, String name, int lanes,
      int maxBatch) {
    return new GroupCommitLanes(jdbc, name, lanes, maxBatch, OwnPool.of(shared, name, Math.max(1, lanes)));
  }

  /** Runs {@code work} in the next batch of {@code key}'s lane; returns its value once that committed. */
  public <T> T run(Object key, Supplier<T> work) {
    return lanes.get(Math.floorMod(key.hashCode(), lanes.size())).run(work);
  }

  /** Batch transactions committed so far, all lanes together (tests). */
  public long transactions() {
    return lanes.stream().mapToLong(GroupCommit::transactions).sum();
  }

  /** Items committed so far, all lanes together. */
  public long items() {
    return lanes.stream().mapToLong(GroupCommit::items).sum();
  }

  /** Nanoseconds of the committed batches' work, all lanes together ({@link GroupCommit#workNanos}). */
  public long workNanos() {
    return lanes.stream().mapToLong(GroupCommit::workNanos).sum();
  }

  /** Nanoseconds of the committed batches in all, all lanes together ({@link GroupCommit#batchNanos}). */
  public long batchNanos() {
    return lanes.stream().mapToLong(GroupCommit::batchNanos).sum();
  }

  /** How many lanes. */
  public int size() {
    return lanes.size();
  }

  @Override
  public void close() {
    lanes.forEach(GroupCommit::close);
    if (own != null) {
      own.close();
    }
  }
}
