package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.routing.PartitionWatch.Change;
import org.onenumber.server.routing.PartitionsReader.Holder;
import org.onenumber.server.routing.PartitionsReader.PartitionView;
import org.onenumber.server.routing.PartitionsReader.PartitionsView;
import org.onenumber.server.routing.PartitionsReader.Waiting;
import reactor.core.Disposable;

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
    Ownership ownership = new Ownership();
    PartitionWatch watch = new PartitionWatch(new Table(), ownership, null, JsonMapper.createDefault());
    watch.stop();
    // the node's own release as it stops (LeaseOwnership.stop) tells every listener, this watch's too
    assertDoesNotThrow(() -> ownership.tell(false));
  }

  @Test
  void aTakeoverIsPushedAtOnceWhileTheWaitingFiguresWaitOnAStoppingNode() throws Exception {
    Ownership ownership = new Ownership();
    Table table = new Table();
    PartitionWatch watch = new PartitionWatch(table, ownership, null, JsonMapper.createDefault());
    List<String> frames = new CopyOnWriteArrayList<>();
    Disposable viewer = watch.stream().subscribe(frames::add);
    try {
      await("the first frames").atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 2);
      table.ownerAnswers.set(false); // node-a stops: a relayed read waits for it (the relay's timeout)
      table.holder = new Holder("node-b", 2L, true);
      ownership.tell(true); // this node, node-b, took city
      await("node-b's takeover pushed while the waiting figures are still asked of node-a")
          .atMost(Duration.ofSeconds(1)).until(() -> frames.stream().anyMatch(f -> f.contains("\"moved\"")));
    } finally {
      table.answered.countDown();
      viewer.dispose();
      watch.stop();
    }
  }

  /** The lease table of one partition, {@code city}; its waiting figures wait while the owner does not answer. */
  private static final class Table implements PartitionWatch.Source {
    volatile Holder holder = new Holder("node-a", 1L, false);
    final AtomicBoolean ownerAnswers = new AtomicBoolean(true);
    final CountDownLatch answered = new CountDownLatch(1);

    @Override
    public Map<String, Holder> holders() {
      return Map.of("city", holder);
    }

    @Override
    public PartitionsView view(Map<String, Waiting> waiting) {
      Waiting city = waiting.getOrDefault("city", Waiting.UNKNOWN);
      return new PartitionsView("node-b", true, Instant.now(), List.of(new PartitionView("city", List.of("city-ko"),
          holder.owner(), holder.epoch(), null, false, holder.routedHere(), city.waiting(), city.oldestWaitSeconds())));
    }

    @Override
    public Map<String, Waiting> waiting() {
      if (!ownerAnswers.get()) {
        try {
          answered.await(); // until the test ends: longer than any bound here
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return Map.of("city", new Waiting(3, 40L));
    }
  }

  /** This node's routing ownership of {@code city}; {@link #tell} is the lease's change. */
  private static final class Ownership implements RoutingOwnership {
    private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();

    void tell(boolean routes) {
      listeners.forEach(l -> l.accept(routes));
    }

    @Override
    public boolean owner() {
      return true;
    }

    @Override
    public void fence() {
      // routes alone
    }

    @Override
    public void whenChanged(Consumer<Boolean> listener) {
      listeners.add(listener);
    }

    @Override
    public Map<String, Object> describe() {
      return Map.of();
    }
  }
}
