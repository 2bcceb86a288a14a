package org.onenumber.ops.sla;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tallies per scope and per slot of epoch minutes, sparse: a slot without activity has no entry.
 * Sums over a span of slots give the tally of a window. The live fold keeps one-minute slots (its
 * windows roll by the minute); a report over a day keeps fifteen-minute slots, fifteen times fewer
 * tallies, and can only be asked for windows on slot bounds (every interval of a day in any real
 * time zone is). Not thread-safe.
 */
public final class TallyBook {

  private final Map<Scope, TreeMap<Long, Tally>> byScope = new HashMap<>();
  private final int slotMinutes;

  /** A book of one-minute slots. */
  public TallyBook() {
    this(1);
  }

  /** A book of {@code slotMinutes}-minute slots from the epoch. */
  public TallyBook(int slotMinutes) {
    if (slotMinutes < 1 || 60 % slotMinutes != 0) {
      throw new IllegalArgumentException("a slot is a divisor of 60 minutes, not " + slotMinutes);
    }
    this.slotMinutes = slotMinutes;
  }

  /** The length of a slot in minutes. */
  int slotMinutes() {
    return slotMinutes;
  }

  /** The tally of {@code scope} in the slot holding {@code minute}, created empty when missing. */
  Tally at(Scope scope, long minute) {
    long slot = minute - Math.floorMod(minute, slotMinutes);
    return byScope.computeIfAbsent(scope, s -> new TreeMap<>()).computeIfAbsent(slot, m -> new Tally());
  }

  /**
   * The sum of {@code scope}'s minutes in [from, to).
   *
   * @throws IllegalArgumentException if a bound is not on a slot's start
   */
  public Tally sum(Scope scope, long fromMinute, long toMinute) {
    if (Math.floorMod(fromMinute, slotMinutes) != 0 || Math.floorMod(toMinute, slotMinutes) != 0) {
      throw new IllegalArgumentException("a window of a book of " + slotMinutes + "-minute slots starts and ends"
          + " on a slot, not minutes " + fromMinute + " to " + toMinute);
    }
    Tally total = new Tally();
    TreeMap<Long, Tally> minutes = byScope.get(scope);
    if (minutes != null && fromMinute < toMinute) {
      minutes.subMap(fromMinute, true, toMinute, false).values().forEach(total::add);
    }
    return total;
  }

  public Set<Scope> scopes() {
    return Set.copyOf(byScope.keySet());
  }

  /** Drops every minute before {@code minute}. */
  void forgetBefore(long minute) {
    byScope.values().forEach(m -> m.headMap(minute, false).clear());
    byScope.values().removeIf(Map::isEmpty);
  }
}
