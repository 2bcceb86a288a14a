package org.onenumber.ops.staffing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.PriorityQueue;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Checks the Erlang A formulas against an independent seeded simulation of the M/M/N+M queue
 * (first come first served; a caller whose patience runs out before an agent is free leaves and
 * takes no agent). Seed printed on failure; {@code -Dtests.seed} to replay. Cases stay clear of
 * the critical load N·μ ≈ λ, where 400,000 simulated callers still leave several points of
 * sampling noise; tolerances are a few standard errors.
 */
class ErlangASimulationTest {

  private record Outcome(double answeredWithinT, double abandoned, double meanWait) {}

  private static Outcome simulate(long seed, double lambda, double aht, double patience, int agents, double t, int callers) {
    SplittableRandom random = new SplittableRandom(seed);
    PriorityQueue<Double> freeAt = new PriorityQueue<>();
    for (int i = 0; i < agents; i++) {
      freeAt.add(0.0);
    }
    double now = 0;
    long within = 0;
    long abandoned = 0;
    double waitSum = 0;
    for (int i = 0; i < callers; i++) {
      now += -Math.log(1 - random.nextDouble()) / lambda;
      double wait = Math.max(0, freeAt.peek() - now);
      double gaveUpAfter = -Math.log(1 - random.nextDouble()) * patience;
      double service = -Math.log(1 - random.nextDouble()) * aht;
      if (gaveUpAfter < wait) {
        abandoned++;
        waitSum += gaveUpAfter;
        continue;
      }
      waitSum += wait;
      within += wait <= t ? 1 : 0;
      freeAt.poll();
      freeAt.add(now + wait + service);
    }
    return new Outcome((double) within / callers, (double) abandoned / callers, waitSum / callers);
  }

  @Test
  void formulasAgreeWithASimulatedQueue() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    double[][] cases = {{0.2, 240, 120, 45}, {0.2, 240, 60, 50}, {1.0, 300, 180, 320}};
    for (double[] c : cases) {
      ErlangA.Result model = new ErlangA(c[0], c[1], c[2]).evaluate((int) c[3], 15);
      Outcome sim = simulate(seed, c[0], c[1], c[2], (int) c[3], 15, 400_000);
      String where = "seed " + seed + " λ=" + c[0] + " AHT=" + c[1] + " patience=" + c[2] + " N=" + c[3];
      assertEquals(sim.answeredWithinT(), model.serviceLevel(), 0.015, where + " service level");
      assertEquals(sim.abandoned(), model.abandonProbability(), 0.005, where + " abandonment");
      assertEquals(sim.meanWait(), model.averageWaitSeconds(), Math.max(0.5, 0.12 * sim.meanWait()), where + " mean wait");
    }
  }
}
