package org.onenumber.core.analytics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;

/**
 * Recomputes the emerging issues of a stored history in three passes, and must give exactly the
 * alerts {@link LiveSurveillance} raised from the same observations in the same order:
 *
 * <ol>
 *   <li>count every key per period (observations before the latest period seen so far are late
 *       and skipped, as live does);
 *   <li>walk the periods in order: in a warm family, a key whose period count reaches its
 *       threshold will alert; then the period closes into the baselines (empty periods too);
 *   <li>replay the observations to find the one at which each alerting key reached its threshold.
 * </ol>
 *
 * Stateless; thread-safe.
 */
public final class BatchSurveillance {

  private BatchSurveillance() {}

  /** The alerts of a history given in arrival order. */
  public static List<EmergingIssue> recompute(SurveillanceSettings settings, List<Observation> arrivals) {
    List<Pass> passes = List.of(
        new Pass(new Family(EmergingIssue.Kind.HOTSPOT, settings), IssueKeys::hotspots),
        new Pass(new Family(EmergingIssue.Kind.BURST, settings), IssueKeys::bursts));
    long[] periods = new long[arrivals.size()];
    long first = Long.MIN_VALUE;
    long open = Long.MIN_VALUE;
    for (int i = 0; i < arrivals.size(); i++) {
      Observation o = arrivals.get(i);
      long p = settings.periodOf(o.at());
      if (open == Long.MIN_VALUE) {
        first = p;
      }
      periods[i] = p < open ? Long.MIN_VALUE : p;
      open = Math.max(open, p);
      if (periods[i] != Long.MIN_VALUE) {
        for (Pass pass : passes) {
          pass.count(p, pass.keys.apply(o, settings));
        }
      }
    }
    for (long p = first; p <= open && open != Long.MIN_VALUE; p++) {
      for (Pass pass : passes) {
        pass.judge(p, settings);
      }
    }
    List<EmergingIssue> alerts = new ArrayList<>();
    for (int i = 0; i < arrivals.size(); i++) {
      if (periods[i] == Long.MIN_VALUE) {
        continue;
      }
      Observation o = arrivals.get(i);
      for (Pass pass : passes) {
        for (String key : pass.keys.apply(o, settings)) {
          EmergingIssue issue = pass.replay(periods[i], key, o.at(), settings.periodStart(periods[i]));
          if (issue != null) {
            alerts.add(issue);
          }
        }
      }
    }
    return alerts;
  }

  private record Pending(PoissonTail.Threshold threshold, double baseline, int[] seen) {}

  private static final class Pass {
    final Family family;
    final BiFunction<Observation, SurveillanceSettings, List<String>> keys;
    final TreeMap<Long, Map<String, int[]>> counts = new TreeMap<>();
    final Map<Long, Map<String, Pending>> pending = new HashMap<>();

    Pass(Family family, BiFunction<Observation, SurveillanceSettings, List<String>> keys) {
      this.family = family;
      this.keys = keys;
    }

    void count(long period, List<String> ks) {
      if (ks.isEmpty()) {
        return;
      }
      Map<String, int[]> c = counts.computeIfAbsent(period, p -> new HashMap<>());
      for (String k : ks) {
        c.computeIfAbsent(k, x -> new int[1])[0]++;
      }
    }

    void judge(long period, SurveillanceSettings settings) {
      Map<String, int[]> c = counts.getOrDefault(period, Map.of());
      if (family.warm()) {
        for (Map.Entry<String, int[]> e : c.entrySet()) {
          if (e.getValue()[0] < settings.minCount()) {
            continue;
          }
          PoissonTail.Threshold t = family.threshold(e.getKey());
          if (e.getValue()[0] >= t.count()) {
            pending.computeIfAbsent(period, p -> new HashMap<>())
                .put(e.getKey(), new Pending(t, family.baseline(e.getKey()), new int[1]));
          }
        }
      }
      family.close(c);
    }

    EmergingIssue replay(long period, String key, Instant at, Instant periodStart) {
      Map<String, Pending> inPeriod = pending.get(period);
      Pending p = inPeriod == null ? null : inPeriod.get(key);
      if (p == null || ++p.seen()[0] != p.threshold().count()) {
        return null;
      }
      return new EmergingIssue(family.kind, key, periodStart, at, p.threshold().count(), p.baseline(), p.threshold().pValue());
    }
  }
}
