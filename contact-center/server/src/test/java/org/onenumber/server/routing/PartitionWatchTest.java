package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.routing.PartitionWatch.Change;
import org.onenumber.server.routing.PartitionsReader.Holder;

class PartitionWatchTest {

  private static Holder held(String node, long epoch) {
    return new Holder(node, epoch, false);
  }

  private static final Holder NOBODY = new Holder(null, null, false);

  @Test
  void namesEachOwnershipChangeAcquiredLostOrMoved() {
    Map<String, Holder> before = Map.of("city", held("node-a", 3), "routing", held("node-b", 1), "sign", NOBODY,
        "english", held("node-c", 4));
    Map<String, Holder> now = Map.of("city", held("node-b", 4), "routing", held("node-b", 1), "sign", held("node-a", 1),
        "english", NOBODY);
    assertEquals(List.of(new Change("city", "moved", "node-a", "node-b", 4L),
            new Change("english", "lost", "node-c", null, null), new Change("sign", "acquired", null, "node-a", 1L)),
        PartitionWatch.changes(before, now).stream().sorted(java.util.Comparator.comparing(Change::partition)).toList());
  }

  @Test
  void theSameNodeTakingItsPartitionAgainIsAcquiredAndAnUnchangedLeaseIsNoChange() {
    assertEquals(List.of(new Change("city", "acquired", "node-a", "node-a", 5L)),
        PartitionWatch.changes(Map.of("city", held("node-a", 4)), Map.of("city", held("node-a", 5))));
    assertEquals(List.of(), PartitionWatch.changes(Map.of("city", held("node-a", 4)), Map.of("city", held("node-a", 4))));
  }
}
