package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.cluster.LeaseNode;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.routing.PartitionsReader.Holder;
import org.onenumber.server.routing.PartitionsReader.PartitionsView;
import org.onenumber.server.routing.PartitionsReader.Waiting;
import org.onenumber.testkit.ManualClock;
import reactor.core.Disposable;

/**
 * A node that served the partitions view stops (a rolling restart): the server stops its {@link
 * PartitionWatch} before its lease ownership (beans stop in the reverse order of their creation), and
 * the ownership's release must still hand the lease over, so the other node takes the partition at its
 * next heartbeat rather than at the lease's expiry. Two {@code LeaseOwnership}s on one PostgreSQL, on a
 * manual clock (no timing: the lease cannot expire while the test runs).
 */
class PartitionsViewHandOverPostgresIT {

  private static final Duration TTL = Duration.ofSeconds(3);

  @Test
  void aNodeThatServedThePartitionsViewHandsItsLeaseOverAsItStops() {
    ManualClock clock = new ManualClock(Instant.parse("2026-12-05T02:00:00Z"));
    Jdbc jdbc = new Jdbc(TestDatabases.postgresMigrated("lease_hand_over"));
    LeaseNode nodeA = new LeaseNode(jdbc, clock, "node-a", TTL);
    LeaseNode nodeB = new LeaseNode(jdbc, clock, "node-b", TTL);
    nodeA.beat();
    nodeB.beat();
    assertTrue(nodeA.ownership().owner(), "node-a routes");
    PartitionWatch watch = new PartitionWatch(new OneNodeTable(), nodeA.ownership(), null, JsonMapper.createDefault());
    List<String> frames = new CopyOnWriteArrayList<>();
    Disposable viewer = watch.stream().subscribe(frames::add);
    await("node-a served the partitions view").atMost(Duration.ofSeconds(10)).until(() -> frames.size() >= 2);

    watch.stop(); // the server stops: the watch first,
    nodeA.stop(); // then the lease ownership, which releases node-a's lease (and tells the stopped watch)
    viewer.dispose();
    assertFalse(nodeA.ownership().owner());
    clock.advance(Duration.ofMillis(100)); // well within the time to live of node-a's last beat
    nodeB.beat();
    assertTrue(nodeB.ownership().owner(), "node-b took the partition at its next heartbeat, "
        + TTL.minusMillis(100).toMillis() + " ms before node-a's lease would have expired");
  }

  /** What the view shows does not matter here: one partition routed by node-a. */
  private static final class OneNodeTable implements PartitionWatch.Source {
    @Override
    public Map<String, Holder> holders() {
      return Map.of("routing", new Holder("node-a", 1L, true));
    }

    @Override
    public PartitionsView view(Map<String, Waiting> waiting) {
      return new PartitionsView("node-a", true, Instant.now(), List.of());
    }

    @Override
    public Map<String, Waiting> waiting() {
      return Map.of();
    }
  }
}
