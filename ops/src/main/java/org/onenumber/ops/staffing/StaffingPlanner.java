package org.onenumber.ops.staffing;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds, per interval, the fewest agents whose expected service level meets the target. Cases:
 *
 * <ol>
 *   <li>no volume: zero agents, no figures to miss (service level 1);
 *   <li>Erlang C (no patience given): start at the smallest N above the load A, add agents until
 *       the Erlang C service level meets the target;
 *   <li>Erlang A: start at max(1, ⌊A × target⌋), add agents until the Erlang A service level
 *       meets the target.
 * </ol>
 *
 * The search starts near the load, so it costs O(√A) evaluations. Stateless and thread-safe.
 */
public final class StaffingPlanner {

  private StaffingPlanner() {}

  public static List<IntervalStaffing> plan(StaffingRequest request) {
    List<IntervalStaffing> plans = new ArrayList<>();
    for (double volume : request.volumes()) {
      plans.add(planInterval(volume, request));
    }
    return plans;
  }

  static IntervalStaffing planInterval(double volume, StaffingRequest r) {
    double intervalSeconds = r.intervalMinutes() * 60.0;
    double load = volume * r.ahtSeconds() / intervalSeconds;
    if (volume == 0) {
      return new IntervalStaffing(0, 0, 0, 1, 0, 0, 0);
    }
    if (!r.erlangA()) {
      int n = (int) Math.floor(load) + 1;
      while (ErlangC.serviceLevel(load, n, r.ahtSeconds(), r.thresholdSeconds()) < r.targetServiceLevel()) {
        n++;
      }
      return new IntervalStaffing(volume, load, n, ErlangC.serviceLevel(load, n, r.ahtSeconds(), r.thresholdSeconds()),
          ErlangC.asaSeconds(load, n, r.ahtSeconds()), load / n, 0);
    }
    ErlangA model = new ErlangA(volume / intervalSeconds, r.ahtSeconds(), r.patienceSeconds());
    int n = Math.max(1, (int) Math.floor(load * r.targetServiceLevel()));
    ErlangA.Result result = model.evaluate(n, r.thresholdSeconds());
    while (result.serviceLevel() < r.targetServiceLevel()) {
      result = model.evaluate(++n, r.thresholdSeconds());
    }
    return new IntervalStaffing(volume, load, n, result.serviceLevel(), result.averageWaitSeconds(),
        result.occupancy(), result.abandonProbability());
  }
}
