package org.onenumber.core.analytics;

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
 *       and skipped, as live does; an observation of a subject already counted in the open period
 *       moves it: the old observation's keys lose one, the corrected one's gain one), remembering the
 *       highest count each key reached in its period;
 *   <li>walk the periods in order: in a warm family, a key whose highest period count reached its
 *       threshold will alert; then the period closes into the baselines (empty periods too);
 *   <li>replay the observations to find the one at which each alerting key first reached its
 *       threshold.
 * </ol>
 *
 * Stateless; thread-safe.
 */
public final class BatchSurveillance {

  private BatchSurveillance() {}

  /** One arrival as pass 1 saw it: its period, and the observation it replaced (a move) or null. */
  private record Step(long period, Observation before, Observation after) {}

  /** The alerts of a history given in arrival order. */
  public static List<EmergingIssue> recompute(SurveillanceSettings settings, List<Observation> arrivals) {
    List<Pass> passes = List.of(
        new Pass(new Family(EmergingIssue.Kind.HOTSPOT, settings), IssueKeys::hotspots),
        new Pass(new Family(EmergingIssue.Kind.BURST, settings), IssueKeys::bursts));
    List<Step> steps = steps(settings, arrivals);
    long first = steps.isEmpty() ? Long.MIN_VALUE : steps.get(0).period();
    long open = Long.MIN_VALUE;
    for (Step step : steps) {
      open = Math.max(open, step.period());
      for (Pass pass : passes) {
        pass.count(step, settings);
      }
    }
    for (long p = first; p <= open && open != Long.MIN_VALUE; p++) {
      for (Pass pass : passes) {
        pass.judge(p, settings);
      }
    }
    List<EmergingIssue> alerts = new ArrayList<>();
    for (Step step : steps) {
      for (Pass pass : passes) {
        pass.replay(step, settings, alerts);
      }
    }
    return alerts;
  }

  /** Pass 1's reading of the arrivals: late ones dropped, moves paired with what they replace. */
  private static List<Step> steps(SurveillanceSettings settings, List<Observation> arrivals) {
    List<Step> steps = new ArrayList<>(arrivals.size());
    Map<String, Observation> openSubjects = new HashMap<>();
    long open = Long.MIN_VALUE;
    for (Observation o : arrivals) {
      Observation counted = o.subject() == null ? null : openSubjects.get(o.subject());
      if (counted != null) {
        Observation moved = counted.correctedBy(o);
        openSubjects.put(o.subject(), moved);
        steps.add(new Step(open, counted, moved));
        continue;
      }
      long p = settings.periodOf(o.at());
      if (p < open) {
        continue;
      }
      if (p > open) {
        openSubjects.clear();
        open = p;
      }
      if (o.subject() != null) {
        openSubjects.put(o.subject(), o);
      }
      steps.add(new Step(p, null, o));
    }
    return steps;
  }

  private record Pending(PoissonTail.Threshold threshold, double baseline, int[] seen) {}

  private static final class Pass {
    final Family family;
    final BiFunction<Observation, SurveillanceSettings, List<String>> keys;
    /** Per period and key: {count, highest count}. */
    final TreeMap<Long, Map<String, int[]>> counts = new TreeMap<>();
    final Map<Long, Map<String, Pending>> pending = new HashMap<>();

    Pass(Family family, BiFunction<Observation, SurveillanceSettings, List<String>> keys) {
      this.family = family;
      this.keys = keys;
    }

    List<String> removed(Step step, SurveillanceSettings settings) {
      if (step.before() == null) {
        return List.of();
      }
      List<String> now = keys.apply(step.after(), settings);
      return keys.apply(step.before(), settings).stream().filter(k -> !now.contains(k)).toList();
    }

    List<String> added(Step step, SurveillanceSettings settings) {
      List<String> now = keys.apply(step.after(), settings);
      if (step.before() == null) {
        return now;
      }
      List<String> old = keys.apply(step.before(), settings);
      return now.stream().filter(k -> !old.contains(k)).toList();
    }

    void count(Step step, SurveillanceSettings settings) {
      List<String> removed = removed(step, settings);
      List<String> added = added(step, settings);
      if (removed.isEmpty() && added.isEmpty()) {
        return;
      }
      Map<String, int[]> c = counts.computeIfAbsent(step.period(), p -> new HashMap<>());
      removed.forEach(k -> c.get(k)[0]--);
      for (String k : added) {
        int[] n = c.computeIfAbsent(k, x -> new int[2]);
        n[1] = Math.max(n[1], ++n[0]);
      }
    }

    void judge(long period, SurveillanceSettings settings) {
      Map<String, int[]> c = counts.getOrDefault(period, Map.of());
      if (family.warm()) {
        for (Map.Entry<String, int[]> e : c.entrySet()) {
          int highest = e.getValue()[1];
          if (highest < settings.minCount()) {
            continue;
          }
          PoissonTail.Threshold t = family.threshold(e.getKey());
          if (highest >= t.count()) {
            pending.computeIfAbsent(period, p -> new HashMap<>())
                .put(e.getKey(), new Pending(t, family.baseline(e.getKey()), new int[2]));
          }
        }
      }
      family.close(c);
    }

    /** Follows each pending key's count; alerts once, when it first reaches its threshold. */
    void replay(Step step, SurveillanceSettings settings, List<EmergingIssue> alerts) {
      Map<String, Pending> inPeriod = pending.get(step.period());
      if (inPeriod == null) {
        return;
      }
      for (String key : removed(step, settings)) {
        Pending p = inPeriod.get(key);
        if (p != null) {
          p.seen()[0]--;
        }
      }
      for (String key : added(step, settings)) {
        Pending p = inPeriod.get(key);
        if (p != null && ++p.seen()[0] == p.threshold().count() && p.seen()[1]++ == 0) {
          alerts.add(new EmergingIssue(family.kind, key, settings.periodStart(step.period()), step.after().at(),
              p.threshold().count(), p.baseline(), p.threshold().pValue()));
        }
      }
    }
  }
}
