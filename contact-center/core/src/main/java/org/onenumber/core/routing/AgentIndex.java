package org.onenumber.core.routing;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/**
 * Agents that can take one more contact, indexed by (queue, language, capacity kind) and ordered
 * by the queue's {@link AgentSelection}, so choosing an agent walks only agents that already pass
 * presence, language and capacity and stops at the first skill match. A seat is withdrawn before
 * any field its order depends on changes, then indexed again. Not thread-safe.
 */
final class AgentIndex {

  private static final Comparator<Seat> IDLE = (a, b) -> {
    int byIdle = a.idleSince.compareTo(b.idleSince);
    return byIdle != 0 ? byIdle : a.agent.id().value().compareTo(b.agent.id().value());
  };
  private static final Comparator<Seat> ROUND_ROBIN = Comparator.comparingLong((Seat s) -> s.lastOfferSeq)
      .thenComparing(IDLE);
  private static final Comparator<Seat> FEWEST = Comparator.comparingInt((Seat s) -> s.contactsToday)
      .thenComparing(IDLE);

  record Key(QueueId queue, Language language, Kind kind) {}

  private final Map<Key, NavigableSet<Seat>> sets = new HashMap<>();
  private final Function<QueueId, QueueConfig> configs;

  AgentIndex(Function<QueueId, QueueConfig> configs) {
    this.configs = configs;
  }

  static Comparator<Seat> order(AgentSelection selection) {
    return switch (selection) {
      case ROUND_ROBIN -> ROUND_ROBIN;
      case FEWEST_CONTACTS -> FEWEST;
      case LONGEST_IDLE, BEST_SKILL, STICKY -> IDLE;
    };
  }

  /** Indexes the seat wherever it can take a contact now. */
  void insert(Seat seat) {
    seat.openings(configs, (queue, config, kind, language) -> {
      NavigableSet<Seat> set = sets.computeIfAbsent(new Key(queue, language, kind),
          k -> new TreeSet<>(order(config.selection())));
      set.add(seat);
      seat.memberships.add(set);
    });
  }

  void withdraw(Seat seat) {
    for (NavigableSet<Seat> set : seat.memberships) {
      set.remove(seat);
    }
    seat.memberships.clear();
  }

  NavigableSet<Seat> candidates(QueueId queue, Language language, Kind kind) {
    return sets.get(new Key(queue, language, kind));
  }

  /** Drops a queue's sets so they are rebuilt in a new order (the caller re-inserts the seats). */
  void forget(QueueId queue) {
    sets.keySet().removeIf(k -> k.queue().equals(queue));
  }
}
