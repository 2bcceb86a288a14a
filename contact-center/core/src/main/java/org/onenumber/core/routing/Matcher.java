package org.onenumber.core.routing;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.NavigableSet;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.QueueId;

/**
 * Policy cases 1 to 3 of {@link RoutingEngine}: who may take what, which contact an agent gets,
 * which agent a contact gets. Reads the indexes, never changes them. Not thread-safe.
 */
final class Matcher {

  /** A decision: offer {@code entry} to {@code seat} through {@code via}. */
  record Match(Seat seat, Entry entry, QueueId via) {}

  private final Map<QueueId, QueueConfig> configs;
  private final Map<AgentId, Seat> seats;
  private final WaitingIndex waiting;
  private final AgentIndex agents;

  Matcher(Map<QueueId, QueueConfig> configs, Map<AgentId, Seat> seats, WaitingIndex waiting, AgentIndex agents) {
    this.configs = configs;
    this.seats = seats;
    this.waiting = waiting;
    this.agents = agents;
  }

  /**
   * Case 1. Eligibility: logged in to {@code via} (a preferred agent need not be), presence and
   * capacity ({@link Seat#canTake}), every required skill at level, the contact's language, and
   * not having declined this contact already.
   */
  boolean eligible(Seat seat, Entry entry, QueueConfig via, boolean preferred) {
    return (preferred || seat.queues.contains(via.id()))
        && seat.canTake(entry.kind, via)
        && seat.agent.speaks(entry.language)
        && seat.meets(entry.skills)
        && !entry.declinedBy.contains(seat.agent.id());
  }

  /**
   * Case 2. The contact a free agent gets: among the heads of every eligibility class the agent
   * can serve (and the contacts waiting for them by name), the highest priority, then the longest
   * wait multiplied by the queue's weight, then the earliest arrival.
   */
  Match contactFor(Seat seat, Instant now) {
    Match[] best = {stickyContactFor(seat, now)};
    int[] bestWeight = {1};
    seat.openings(configs::get, (queue, config, kind, language) -> {
      for (WaitingIndex.Bucket bucket : waiting.classes(queue, language, kind)) {
        if (bucket.entries().isEmpty() || !seat.meets(bucket.skills())) {
          continue;
        }
        Entry head = firstNotDeclined(bucket.entries(), seat);
        if (head != null && (best[0] == null || better(head, config.weight(), best[0].entry(), bestWeight[0], now))) {
          best[0] = new Match(seat, head, queue);
          bestWeight[0] = config.weight();
        }
      }
    });
    return best[0];
  }

  /**
   * Case 3. The agent a waiting contact gets, trying its primary queue and then overflow queues in
   * order, each by its own {@link AgentSelection}; a sticky contact only its preferred agent.
   */
  Match agentFor(Entry entry, Instant now) {
    if (entry.stickyAt(now)) {
      Seat preferred = seats.get(entry.preferred);
      QueueConfig config = configs.get(entry.primary());
      return preferred != null && eligible(preferred, entry, config, true)
          ? new Match(preferred, entry, entry.primary()) : null;
    }
    for (QueueId queue : entry.targets) {
      QueueConfig config = configs.get(queue);
      NavigableSet<Seat> candidates = agents.candidates(queue, entry.language, entry.kind);
      if (config == null || candidates == null || candidates.isEmpty()) {
        continue;
      }
      Seat chosen = config.selection() == AgentSelection.BEST_SKILL
          ? bestSkilled(candidates, entry) : firstSkilled(candidates, entry);
      if (chosen != null) {
        return new Match(chosen, entry, queue);
      }
    }
    return null;
  }

  private Match stickyContactFor(Seat seat, Instant now) {
    NavigableSet<Entry> mine = waiting.stickyFor(seat.agent.id());
    if (mine == null) {
      return null;
    }
    for (Entry entry : mine) {
      if (entry.stickyAt(now) && eligible(seat, entry, configs.get(entry.primary()), true)) {
        return new Match(seat, entry, entry.primary());
      }
    }
    return null;
  }

  private static Seat firstSkilled(NavigableSet<Seat> candidates, Entry entry) {
    for (Seat seat : candidates) {
      if (seat.meets(entry.skills) && !entry.declinedBy.contains(seat.agent.id())) {
        return seat;
      }
    }
    return null;
  }

  private static Seat bestSkilled(NavigableSet<Seat> candidates, Entry entry) {
    Seat best = null;
    int bestScore = -1;
    for (Seat seat : candidates) {
      if (seat.meets(entry.skills) && !entry.declinedBy.contains(seat.agent.id())) {
        int score = seat.skillScore(entry);
        if (score > bestScore) {
          best = seat;
          bestScore = score;
        }
      }
    }
    return best;
  }

  private static Entry firstNotDeclined(NavigableSet<Entry> entries, Seat seat) {
    for (Entry entry : entries) {
      if (!entry.declinedBy.contains(seat.agent.id())) {
        return entry;
      }
    }
    return null;
  }

  /** Case 2's order between two heads of different classes. */
  static boolean better(Entry a, int weightA, Entry b, int weightB, Instant now) {
    if (a.priority != b.priority) {
      return a.priority > b.priority;
    }
    long waitedA = Duration.between(a.queuedAt, now).toMillis() * weightA;
    long waitedB = Duration.between(b.queuedAt, now).toMillis() * weightB;
    if (waitedA != waitedB) {
      return waitedA > waitedB;
    }
    return a.seq < b.seq;
  }
}
