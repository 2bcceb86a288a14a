package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.cluster.RoutingOwnership;
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

  @Test
  void aLeaseLostWhileTheServerStopsIsHeardWithoutFailing() {
    List<java.util.function.Consumer<Boolean>> listeners = new java.util.ArrayList<>();
    RoutingOwnership ownership = new RoutingOwnership() {
      @Override
      public boolean owner() {
        return true;
      }

      @Override
      public void fence() {
        // routes alone
      }

      @Override
      public void whenChanged(java.util.function.Consumer<Boolean> listener) {
        listeners.add(listener);
      }

      @Override
      public Map<String, Object> describe() {
        return Map.of();
      }
    };
    PartitionWatch watch = new PartitionWatch(new PartitionWatch.Source() {
      @Override
      public Map<String, Holder> holders() {
        return Map.of();
      }

      @Override
      public PartitionsReader.PartitionsView read() {
        return new PartitionsReader.PartitionsView("single", false, java.time.Instant.now(), List.of());
      }
    }, ownership, null, io.micronaut.json.JsonMapper.createDefault());
    watch.stop();
    // the node's own release as it stops (LeaseOwnership.stop) tells every listener, this watch's too
    org.junit.jupiter.api.Assertions.assertDoesNotThrow(() -> listeners.forEach(l -> l.accept(false)));
  }
}
