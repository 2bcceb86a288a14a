package org.onenumber.core.port.out;

import java.util.Collection;
import java.util.List;
import org.onenumber.core.knowledge.Answer;

/**
 * The answer tables' change log: every saved answer version has a position, increasing in the order
 * positions were handed out (not necessarily the order of the commits). Read by each cluster node's
 * index replica. Implementations are thread-safe.
 */
public interface AnswerChangeLog {

  /** A committed change at {@code position}, with the answer as it is now (possibly newer). */
  record Change(long position, Answer current) {}

  /** The highest position committed so far; 0 when the log is empty. */
  long latestPosition();

  /**
   * Committed changes after {@code position} plus those at the {@code alsoAt} positions, in position
   * order, at most {@code limit}.
   */
  List<Change> changesAfter(long position, Collection<Long> alsoAt, int limit);
}
