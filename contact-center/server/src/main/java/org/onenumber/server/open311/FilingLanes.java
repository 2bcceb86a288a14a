package org.onenumber.server.open311;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.onenumber.server.persistence.GroupCommit;
import org.onenumber.server.persistence.GroupCommitLanes;
import org.onenumber.server.persistence.Jdbc;

/**
 * The group commits of Open311 filings: {@code lanes} {@link GroupCommit}s taken in turn, so that
 * filings share commits (one WAL flush for a lane's batch) and still run on more than one
 * connection at a time (one committer runs its items one after the other). Filings in different
 * lanes touch different rows but for a repeated {@code Idempotency-Key} or a citizen filing twice at
 * once; the later one then waits for the other lane's commit (and, should two lanes wait on each
 * other, PostgreSQL fails one filing, which answers 503 and is retried). Thread-safe.
 */
public final class FilingLanes implements AutoCloseable {

  private final GroupCommitLanes lanes;
  private final AtomicInteger next = new AtomicInteger();

  FilingLanes(Jdbc jdbc, int lanes, int maxBatch) {
    this.lanes = new GroupCommitLanes(jdbc, "open311-filings", lanes, maxBatch);
  }

  /** Runs {@code work} in the next lane's next batch; returns its value once that batch committed. */
  <T> T run(Supplier<T> work) {
    return lanes.run(next.getAndIncrement(), work);
  }

  /** How many batch transactions the lanes committed so far (tests). */
  public long transactions() {
    return lanes.transactions();
  }

  @Override
  public void close() {
    lanes.close();
  }
}
