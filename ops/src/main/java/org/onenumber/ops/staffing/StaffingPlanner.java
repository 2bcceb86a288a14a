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
 *   <li>Erlang A: max(1, ⌊A × target⌋) agents if they meet the target; otherwise from ⌈A⌉ + 1
 *       agents, doubled until they meet it, a bisection for the fewest that do (the service level
 *       grows with the agents).
 * </ol>
 *
 * Erlang C's search starts near the load, so it costs O(√A) evaluations; Erlang A's costs
 * O(log A) (one evaluation at a thousand erlangs walks thousands of states, so a city's record
 * day is planned in seconds, not a step at a time). Stateless and thread-safe.
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
    int lo = Math.max(1, (int) Math.floor(load * r.targetServiceLevel()));
    ErlangA.Result result = model.evaluate(lo, r.thresholdSeconds());
    if (result.serviceLevel() < r.targetServiceLevel()) {
      int hi = Math.max(lo + 1, (int) Math.ceil(load) + 1);
      ErlangA.Result atHi = model.evaluate(hi, r.thresholdSeconds());
      while (atHi.serviceLevel() < r.targetServiceLevel()) {
        lo = hi;
        hi = 2 * hi;
        atHi = model.evaluate(hi, r.thresholdSeconds());
      }
      while (hi - lo > 1) { // SL(lo) < target ≤ SL(hi)
        int mid = (lo + hi) >>> 1;
        ErlangA.Result atMid = model.evaluate(mid, r.thresholdSeconds());
        if (atMid.serviceLevel() < r.targetServiceLevel()) {
          lo = mid;
        } else {
          hi = mid;
          atHi = atMid;
        }
      }
      result = atHi;
    }
    int n = result.agents();
    return new IntervalStaffing(volume, load, n, result.serviceLevel(), result.averageWaitSeconds(),
        result.occupancy(), result.abandonProbability());
  }
}
