package org.onenumber.ops.staffing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ErlangATest {

  @Test
  void withAlmostInfinitePatienceEqualsErlangC() {
    ErlangA model = new ErlangA(360 / 1800.0, 240, 1e9);
    ErlangA.Result r = model.evaluate(55, 15);
    assertEquals(ErlangC.serviceLevel(48, 55, 240, 15), r.serviceLevel(), 1e-4);
    assertEquals(ErlangC.asaSeconds(48, 55, 240), r.averageWaitSeconds(), 1e-2);
    assertEquals(ErlangC.probabilityOfWaiting(48, 55), r.probabilityOfWaiting(), 1e-4);
    assertEquals(48.0 / 55, r.occupancy(), 1e-4);
  }

  @Test
  void impatientCallersNeedFewerAgentsThanErlangCPredicts() {
    IntervalStaffing c = StaffingPlanner.plan(new StaffingRequest(List.of(360.0), 30, 240, 0.8, 15, 0)).get(0);
    IntervalStaffing a = StaffingPlanner.plan(new StaffingRequest(List.of(360.0), 30, 240, 0.8, 15, 60)).get(0);
    assertTrue(a.agents() <= c.agents(), a.agents() + " vs " + c.agents());
    assertTrue(a.abandonProbability() > 0 && a.abandonProbability() < 0.1, "abandon " + a.abandonProbability());
  }

  @Test
  void anOverloadedCenterStillHasAFiniteAnswer() {
    ErlangA.Result r = new ErlangA(1.0, 300, 120).evaluate(200, 15);
    assertTrue(r.abandonProbability() > 0.2, "abandon " + r.abandonProbability());
    assertTrue(r.occupancy() > 0.99 && r.occupancy() <= 1.0, "occupancy " + r.occupancy());
    // Flow balance: what is not abandoned is served, λ(1 − P(ab)) = N·μ·occupancy.
    assertEquals(1.0 * (1 - r.abandonProbability()), 200 / 300.0 * r.occupancy(), 1e-6);
  }
}
