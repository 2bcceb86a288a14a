package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The busiest partition's owner frozen behind HAProxy under load (issue 11, session 16): SIGSTOP for
 * {@value #FROZEN_SECONDS} s, then SIGCONT, as a long GC pause, a frozen VM or a stalled disk would
 * stop it. Its sockets stay open and nothing answers on them: HAProxy's checks time out ({@code
 * lb_out_s}) and its sessions are shut; the partition's lease expires and a survivor takes it ({@code
 * recover_s}); the rest as {@link LbFaultRun} (nothing lost or doubled, no double assignment). Then the
 * node wakes believing for a moment that it still routes: it must stand down (fencing) — measured from
 * the outside as {@link Wake} says, and in the journal by {@code double_assigned=0}. Not in the default
 * run (three server JVMs); run by {@code bin/faults cluster-lb-freeze}. Prints {@code RESULT faults
 * scenario=cluster-lb-freeze …}.
 */
class ClusterLbFreezeFaults {

  static final int FROZEN_SECONDS = 10;
  /** The woken node has its next lease heartbeat within a second (renewed every 1 s): 5 s is ample. */
  private static final Duration STAND_DOWN_GOAL = Duration.ofSeconds(5);

  @Test
  void theBusiestPartitionsOwnerFrozenTenSecondsStandsDownOnWakingWithNothingLost() throws Exception {
    LbFaultRun.run("cluster-lb-freeze", "cluster_lb_freeze", "freeze", (victim, watch) -> {
      long frozen = System.nanoTime();
      victim.pause();
      Wake wake;
      try {
        watch.run(frozen);
        long left = frozen + Duration.ofSeconds(FROZEN_SECONDS).toNanos() - System.nanoTime();
        if (left > 0) {
          Thread.sleep(left / 1_000_000);
        }
      } finally {
        victim.resume();
      }
      wake = new Wake(watch, victim).run(System.nanoTime(), (System.nanoTime() - frozen) / 1e9);
      Map<String, String> figures = new LinkedHashMap<>();
      figures.put("frozen_s", String.format("%.1f", wake.frozenSeconds));
      figures.putAll(wake.figures());
      assertNotEquals(200, wake.lastReadiness, "the woken node still says it routes " + watch.partition());
      assertTrue(wake.standDownSeconds <= STAND_DOWN_GOAL.toSeconds(),
          "the woken node said it routes " + watch.partition() + " for " + wake.standDownSeconds + " s");
      return figures;
    });
  }
}
