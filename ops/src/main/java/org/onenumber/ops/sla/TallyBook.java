package org.onenumber.ops.sla;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Tallies per scope and per epoch minute, sparse: a minute without activity has no entry. Sums
 * over a span of minutes give the tally of a window. Not thread-safe.
 */
public final class TallyBook {

  private final Map<Scope, TreeMap<Long, Tally>> byScope = new HashMap<>();

  /** The tally of {@code scope} in {@code minute}, created empty when missing. */
  Tally at(Scope scope, long minute) {
    return byScope.computeIfAbsent(scope, s -> new TreeMap<>()).computeIfAbsent(minute, m -> new Tally());
  }

  /** The sum of {@code scope}'s minutes in [from, to). */
  public Tally sum(Scope scope, long fromMinute, long toMinute) {
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
