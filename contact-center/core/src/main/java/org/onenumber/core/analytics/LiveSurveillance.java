package org.onenumber.core.analytics;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * The incremental fold of emerging issues. Per observation, in arrival order:
 *
 * <ol>
 *   <li>an observation before the open period is late: counted in {@link #late()}, nothing else;
 *   <li>one in a later period first closes the open period and every empty period in between
 *       (each key's baseline takes its count, 0 when absent);
 *   <li>each of its keys (hotspot cell; category city-wide and in its area) is counted in the open
 *       period; when the family is warm and the key's count reaches its threshold, one
 *       {@link EmergingIssue} is raised for that key and period.
 * </ol>
 *
 * An observation of a subject already counted in the open period is a move (the operator's
 * disposition replacing the guess at intake, or a place learned after intake;
 * {@link Observation#correctedBy}): the keys only the old observation had lose one, the keys only
 * the corrected one has gain one (and may alert), nothing else changes; a subject of a closed
 * period is not in the open period, so its move arrives late and is counted in {@link #late()}.
 *
 * {@link BatchSurveillance} gives the same alerts from the same observations. Not thread-safe.
 */
public final class LiveSurveillance {

  private final SurveillanceSettings settings;
  private final List<Slot> slots = new ArrayList<>();
  private final List<EmergingIssue> alerts = new ArrayList<>();
  private final Map<String, Observation> openSubjects = new HashMap<>();
  private long open = Long.MIN_VALUE;
  private long late;

  public LiveSurveillance(SurveillanceSettings settings) {
    this.settings = settings;
    slots.add(new Slot(new Family(EmergingIssue.Kind.HOTSPOT, settings), IssueKeys::hotspots));
    slots.add(new Slot(new Family(EmergingIssue.Kind.BURST, settings), IssueKeys::bursts));
  }

  /** Folds one observation; returns the alerts it raised (usually none). */
  public List<EmergingIssue> accept(Observation o) {
    Observation counted = o.subject() == null ? null : openSubjects.get(o.subject());
    if (counted != null) {
      return move(counted, o);
    }
    long period = settings.periodOf(o.at());
    if (open == Long.MIN_VALUE) {
      open = period;
    } else if (period < open) {
      late++;
      return List.of();
    }
    while (open < period) {
      slots.forEach(Slot::close);
      openSubjects.clear();
      open++;
    }
    if (o.subject() != null) {
      openSubjects.put(o.subject(), o);
    }
    return count(null, o);
  }

  private List<EmergingIssue> move(Observation counted, Observation later) {
    Observation moved = counted.correctedBy(later);
    openSubjects.put(counted.subject(), moved);
    return count(counted, moved);
  }

  /** Takes {@code before}'s keys (when not null) away and counts {@code after}'s, only where they differ. */
  private List<EmergingIssue> count(Observation before, Observation after) {
    List<EmergingIssue> raised = List.of();
    for (Slot slot : slots) {
      List<String> old = before == null ? List.of() : slot.keys.apply(before, settings);
      List<String> now = slot.keys.apply(after, settings);
      old.stream().filter(k -> !now.contains(k)).forEach(slot::uncount);
      for (String key : now) {
        EmergingIssue issue = old.contains(key) ? null : slot.count(key, after, settings.periodStart(open));
        if (issue != null) {
          raised = raised.isEmpty() ? new ArrayList<>() : raised;
          raised.add(issue);
        }
      }
    }
    alerts.addAll(raised);
    return raised;
  }

  /** Every alert so far, in the order raised. */
  public List<EmergingIssue> alerts() {
    return List.copyOf(alerts);
  }

  /** Observations that arrived after their period had closed. */
  public long late() {
    return late;
  }

  /** The open period's count of a key (0 when none). */
  public int openCount(String key) {
    for (Slot slot : slots) {
      int[] c = slot.counts.get(key);
      if (c != null) {
        return c[0];
      }
    }
    return 0;
  }

  /**
   * The counts of the keys ending with {@code suffix} (e.g. {@code "@city"}: every category
   * city-wide) in {@code period}, when it is the open period; empty when it is not (nothing was
   * counted in it yet).
   */
  public Map<String, Integer> openCounts(long period, String suffix) {
    if (period != open) {
      return Map.of();
    }
    Map<String, Integer> found = new HashMap<>();
    for (Slot slot : slots) {
      slot.counts.forEach((key, c) -> {
        if (key.endsWith(suffix) && c[0] > 0) {
          found.put(key, c[0]);
        }
      });
    }
    return found;
  }

  private static final class Slot {
    final Family family;
    final BiFunction<Observation, SurveillanceSettings, List<String>> keys;
    Map<String, int[]> counts = new HashMap<>();
    final Map<String, PoissonTail.Threshold> thresholds = new HashMap<>();
    final Set<String> alerted = new HashSet<>();

    Slot(Family family, BiFunction<Observation, SurveillanceSettings, List<String>> keys) {
      this.family = family;
      this.keys = keys;
    }

    void close() {
      family.close(counts);
      counts = new HashMap<>();
      thresholds.clear();
      alerted.clear();
    }

    void uncount(String key) {
      counts.get(key)[0]--;
    }

    EmergingIssue count(String key, Observation o, java.time.Instant periodStart) {
      int n = ++counts.computeIfAbsent(key, k -> new int[1])[0];
      if (!family.warm() || alerted.contains(key)) {
        return null;
      }
      PoissonTail.Threshold t = thresholds.computeIfAbsent(key, family::threshold);
      if (n < t.count()) {
        return null;
      }
      alerted.add(key);
      return new EmergingIssue(family.kind, key, periodStart, o.at(), n, family.baseline(key), t.pValue());
    }
  }
}
