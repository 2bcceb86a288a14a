package org.onenumber.core.routing;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.directory.QueueId;

/**
 * Which operator of a queue is invited into a call as its third party (an interpreter queue such
 * as {@code sign-language-video}): one logged in to that queue, {@code AVAILABLE} or {@code BUSY}
 * with messaging only (no voice or video contact, no offer ringing, not marked not-responding),
 * whose console can hear the invitation, and who is not already a guest in another call; among
 * those the one idle longest, as routing picks (an unknown idle time counts as the shortest).
 */
public final class FreeOperator {

  private static final Set<AgentState> FREE = Set.of(AgentState.AVAILABLE, AgentState.BUSY);

  private FreeOperator() {}

  /**
   * @param seated the logged-in agents as routing sees them
   * @param reachable whether an agent can hear the invitation (console open, not the host, not a
   *     guest already)
   */
  public static Optional<AgentId> choose(Collection<AgentStatus> seated, QueueId queue, Predicate<AgentId> reachable) {
    return seated.stream()
        .filter(a -> a.queues().contains(queue))
        .filter(a -> FREE.contains(a.state()) && a.exclusiveInUse() == 0 && a.offer() == null && !a.notResponding())
        .filter(a -> reachable.test(a.agent()))
        .min(Comparator.comparing(AgentStatus::idleSince, Comparator.nullsLast(Comparator.<Instant>naturalOrder()))
            .thenComparing(a -> a.agent().value()))
        .map(AgentStatus::agent);
  }
}
