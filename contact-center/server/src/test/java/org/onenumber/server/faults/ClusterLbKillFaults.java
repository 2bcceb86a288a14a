package org.onenumber.server.faults;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The busiest partition's owner killed with SIGKILL behind HAProxy, under load (issue 11, session 15):
 * {@link LbFaultRun} says what runs and what is checked. Not in the default run (not named {@code *IT}:
 * three server JVMs, ~2 min on 2 shared cores); run by {@code bin/faults cluster-lb-kill}. Prints
 * {@code RESULT faults scenario=cluster-lb-kill …}.
 */
class ClusterLbKillFaults {

  @Test
  void theBusiestPartitionsOwnerDiesBehindHaproxyAndCitizensGoOnWithNothingLost() throws Exception {
    LbFaultRun.run("cluster-lb-kill", "cluster_lb_kill", "kill", (victim, watch) -> {
      long killed = System.nanoTime();
      victim.kill();
      watch.run(killed);
      return Map.of();
    });
  }
}
