package org.onenumber.server.open311;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.onenumber.server.persistence.GroupCommit;
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

  private final List<GroupCommit> lanes;
  private final AtomicInteger next = new AtomicInteger();

  FilingLanes(Jdbc jdbc, int lanes, int maxBatch) {
    if (lanes < 1) {
      throw new IllegalArgumentException("at least one lane");
    }
    this.lanes = IntStream.range(0, lanes).mapToObj(i -> new GroupCommit(jdbc, "open311-filings-" + i, maxBatch))
        .toList();
  }

  /** Runs {@code work} in the next lane's next batch; returns its value once that batch committed. */
  <T> T run(Supplier<T> work) {
    return lanes.get(Math.floorMod(next.getAndIncrement(), lanes.size())).run(work);
  }

  /** How many batch transactions the lanes committed so far (tests). */
  public long transactions() {
    return lanes.stream().mapToLong(GroupCommit::transactions).sum();
  }

  @Override
  public void close() {
    lanes.forEach(GroupCommit::close);
  }
}
