package org.onenumber.server.call;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a node counts itself cut off from the cluster: it sees at most half the nodes the database counts alive. */
class ClusterCallsCutOffTest {

  @Test
  void aNodeWokenAloneIsCutOffAndSoIsEachHalfOfAnEvenSplit() {
    assertTrue(ClusterCalls.minority(1, 3), "woken alone, two others alive");
    assertTrue(ClusterCalls.minority(1, 2), "two nodes split: neither takes the other's calls");
    assertTrue(ClusterCalls.minority(2, 4));
    assertTrue(ClusterCalls.minority(0, 1), "not joined yet");
  }

  @Test
  void theSurvivorsOfADeathAreNotEvenWhileTheDeadNodeStillCountsAlive() {
    assertFalse(ClusterCalls.minority(2, 3), "one of three killed, its heartbeat not yet lapsed");
    assertFalse(ClusterCalls.minority(2, 2));
    assertFalse(ClusterCalls.minority(3, 3));
    assertFalse(ClusterCalls.minority(1, 1), "the last node left");
    assertFalse(ClusterCalls.minority(3, 5));
  }
}
