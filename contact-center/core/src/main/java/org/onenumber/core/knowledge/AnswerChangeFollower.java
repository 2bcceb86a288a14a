package org.onenumber.core.knowledge;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongSupplier;
import org.onenumber.core.port.out.AnswerChangeLog;
import org.onenumber.core.port.out.AnswerIndex;

/**
 * Keeps one node's answer index a replica of the database by following {@link AnswerChangeLog}: each
 * {@link #follow()} indexes the current answer of every change after the last position seen.
 *
 * <p>Positions come from a sequence, so a transaction can commit a lower position after a higher one
 * was read. A position skipped that way is a <em>gap</em>: it is asked for again on every follow
 * until it shows up or {@code gapWaitNanos} have passed (a rolled-back save leaves a gap for ever).
 * Indexing the answer's current row makes repeated or out-of-order changes harmless: a replica that
 * indexed an older row by a race sees the newer change's position on its next follow.
 *
 * <p>Thread-safe (follows one at a time).
 */
public final class AnswerChangeFollower {

  /** What one follow did: changes read, answers indexed, gaps still open, gaps given up. */
  public record Report(int changes, int indexed, int gapsOpen, int gapsGivenUp) {}

  static final int PAGE = 500;
  static final int MAX_GAPS = 1_000;

  private final AnswerChangeLog log;
  private final AnswerIndex index;
  private final LongSupplier nanoTime;
  private final long gapWaitNanos;
  private final Map<Long, Long> gaps = new LinkedHashMap<>(); // position -> give up at (nanoTime)
  private long seen = -1;

  public AnswerChangeFollower(AnswerChangeLog log, AnswerIndex index, LongSupplier nanoTime, long gapWaitNanos) {
    this.log = log;
    this.index = index;
    this.nanoTime = nanoTime;
    this.gapWaitNanos = gapWaitNanos;
  }

  /**
   * Marks the log's latest position as seen. Call before the index is caught up with the store by
   * other means (a rebuild or {@link AnswerIndexCatchUp}), so that nothing committed meanwhile is
   * missed.
   */
  public synchronized long startAtLatest() {
    seen = log.latestPosition();
    gaps.clear();
    return seen;
  }

  public synchronized boolean started() {
    return seen >= 0;
  }

  /** Indexes every change committed since the last follow; nothing before {@link #startAtLatest}. */
  public synchronized Report follow() {
    if (seen < 0) {
      throw new IllegalStateException("startAtLatest first");
    }
    long now = nanoTime.getAsLong();
    int givenUp = giveUpOldGaps(now);
    int changes = 0;
    int indexed = 0;
    List<AnswerChangeLog.Change> page;
    do {
      page = log.changesAfter(seen, new ArrayList<>(gaps.keySet()), PAGE);
      changes += page.size();
      Set<AnswerId> done = new HashSet<>();
      long next = seen;
      for (AnswerChangeLog.Change c : page) {
        if (gaps.remove(c.position()) == null) {
          for (long p = Math.max(next + 1, c.position() - MAX_GAPS); p < c.position(); p++) {
            gaps.put(p, now + gapWaitNanos);
          }
          next = Math.max(next, c.position());
        }
        if (done.add(c.current().id())) {
          index.index(c.current());
          indexed++;
        }
      }
      seen = next;
      givenUp += trimGaps();
    } while (page.size() == PAGE);
    return new Report(changes, indexed, gaps.size(), givenUp);
  }

  private int giveUpOldGaps(long now) {
    int n = 0;
    for (Iterator<Long> it = gaps.values().iterator(); it.hasNext();) {
      if (it.next() - now < 0) {
        it.remove();
        n++;
      }
    }
    return n;
  }

  private int trimGaps() {
    int n = 0;
    for (Iterator<Long> it = gaps.keySet().iterator(); gaps.size() > MAX_GAPS && it.hasNext();) {
      it.next();
      it.remove();
      n++;
    }
    return n;
  }
}
