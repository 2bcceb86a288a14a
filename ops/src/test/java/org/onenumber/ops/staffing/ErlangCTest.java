package org.onenumber.ops.staffing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Published worked example (Mitan, "The Erlang C formula", also used by Call Centre Helper):
 * 360 calls per half hour, AHT 240 s → A = 48 erlangs; with 55 agents the probability of waiting
 * is 23.9%, ASA 8.2 s, 84.6% answered within 15 s, occupancy 87.3%; with 54 agents only 79.3%, so
 * 55 is the fewest agents that reach 80% within 15 s. (Figures re-derived with the factorial form
 * of the formula in arbitrary precision.)
 */
class ErlangCTest {

  @Test
  void matchesThePublishedWorkedExample() {
    double a = 360 * 240 / 1800.0;
    assertEquals(48.0, a, 1e-12);
    assertEquals(0.2387, ErlangC.probabilityOfWaiting(a, 55), 1e-4);
    assertEquals(8.18, ErlangC.asaSeconds(a, 55, 240), 0.01);
    assertEquals(0.8459, ErlangC.serviceLevel(a, 55, 240, 15), 1e-4);
    assertEquals(0.7929, ErlangC.serviceLevel(a, 54, 240, 15), 1e-4);
  }

  @Test
  void plannerFindsFiftyFiveAgentsForEightyPercentInFifteenSeconds() {
    IntervalStaffing plan = StaffingPlanner.plan(new StaffingRequest(List.of(360.0), 30, 240, 0.8, 15, 0)).get(0);
    assertEquals(55, plan.agents());
    assertEquals(48.0 / 55, plan.occupancy(), 1e-9);
    assertTrue(ErlangC.serviceLevel(48, 54, 240, 15) < 0.8, "54 agents must miss the target");
  }

  @Test
  void staysFiniteAndSaneForTwentyThousandAgents() {
    double a = 19_800;
    double c = ErlangC.probabilityOfWaiting(a, 20_000);
    assertTrue(c > 0 && c < 1, "probability of waiting " + c);
    IntervalStaffing plan = StaffingPlanner.plan(new StaffingRequest(List.of(a * 1800 / 240), 30, 240, 0.8, 15, 0)).get(0);
    assertTrue(plan.agents() > a && plan.agents() < a + 200, "agents " + plan.agents());
  }

  @Test
  void erlangBMatchesTheTextbookTable() {
    // Erlang B: 10 erlangs on 15 trunks blocks 3.65% (standard Erlang B table).
    assertEquals(0.0365, ErlangC.erlangB(10, 15), 5e-5);
  }
}
