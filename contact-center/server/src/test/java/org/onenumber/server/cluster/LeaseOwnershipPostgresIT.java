package org.onenumber.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.routing.Partitions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.cluster.JdbcRoutingLease.LeaseLostException;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.testkit.ManualClock;

/**
 * Two cluster nodes' {@link LeaseOwnership} on one PostgreSQL, their heartbeats beaten by hand on a
 * manual clock: the first node routes, the second waits; an owner that stops renewing (paused, cut
 * off) loses the partition once its lease expired, its next fenced write rolls back with
 * {@link LeaseLostException} and it stops routing, while the standby takes over with a new epoch.
 */
class LeaseOwnershipPostgresIT {

  private static final Duration TTL = Duration.ofSeconds(3);

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
  private Jdbc jdbc;
  private LeaseOwnership nodeA;
  private LeaseOwnership nodeB;
  private final List<String> heard = new CopyOnWriteArrayList<>();

  @BeforeEach
  void twoNodes() {
    jdbc = new Jdbc(TestDatabases.postgresMigrated("lease_ownership"));
    nodeA = new LeaseOwnership(jdbc, clock, "node-a", TTL);
    nodeB = new LeaseOwnership(jdbc, clock, "node-b", TTL);
    nodeA.whenChanged(owner -> heard.add("a " + owner));
    nodeB.whenChanged(owner -> heard.add("b " + owner));
  }

  @Test
  void theFirstNodeRoutesAndTheSecondWaitsWhileTheLeaseIsRenewed() {
    nodeA.beat();
    nodeB.beat();
    for (int second = 0; second < 5; second++) {
      clock.advance(Duration.ofSeconds(1));
      nodeA.beat();
      nodeB.beat();
    }
    assertTrue(nodeA.owner());
    assertFalse(nodeB.owner());
    assertEquals(List.of("a true"), heard);
    assertEquals("owner", nodeA.describe().get("role"));
    assertEquals("standby", nodeB.describe().get("role"));
    assertThrows(LeaseLostException.class, () -> jdbc.inTransaction(() -> {
      nodeB.fence();
      return null;
    }), "a standby cannot write a routing decision");
  }

  @Test
  void aPausedOwnerIsFencedOffItsWriteRollsBackAndItStopsRouting() {
    nodeA.beat();
    clock.advance(TTL.plusMillis(1)); // node-a paused: no renew within the time to live
    nodeB.beat();
    assertTrue(nodeB.owner(), "the standby took the expired lease");
    assertTrue(nodeA.owner(), "node-a has not noticed yet");

    assertThrows(LeaseLostException.class, () -> jdbc.inTransaction(() -> {
      jdbc.update("insert into domain_event (type, at, contact_id, payload) values ('probe', ?, null, 'stale')",
          clock.instant());
      nodeA.fence();
      return null;
    }));
    assertEquals(0, events("stale"), "the paused owner's write rolled back");
    assertFalse(nodeA.owner(), "the fenced-off node stopped routing");
    assertEquals(List.of("a true", "b true", "a false"), heard);

    jdbc.inTransaction(() -> {
      nodeB.fence();
      jdbc.update("insert into domain_event (type, at, contact_id, payload) values ('probe', ?, null, 'owner')",
          clock.instant());
      return null;
    });
    assertEquals(1, events("owner"), "the new owner's write committed");
    assertEquals(2L, nodeB.describe().get("epoch"));
  }

  @Test
  void anOwnerWhoseRenewFindsTheLeaseTakenStopsRoutingAtItsNextHeartbeat() {
    nodeA.beat();
    clock.advance(TTL.plusMillis(1));
    nodeB.beat();
    nodeA.beat();
    assertFalse(nodeA.owner());
    assertEquals(List.of("a true", "b true", "a false"), heard);
    nodeA.beat();
    assertFalse(nodeA.owner(), "node-b renews nothing here, but its lease has not expired");
  }

  @Test
  void anOwnerFrozenInsideItsWriteDoesNotBlockTheTakeoverForLongerThanALease() throws Exception {
    nodeA.beat();
    CountDownLatch fenced = new CountDownLatch(1);
    CompletableFuture<Void> frozen = CompletableFuture.runAsync(() -> jdbc.inTransaction(() -> {
      nodeA.fence(); // holds the lease row until the commit
      fenced.countDown();
      LockSupport.parkNanos(TTL.plusSeconds(2).toNanos()); // frozen past the lease
      jdbc.update("insert into domain_event (type, at, contact_id, payload) values ('probe', ?, null, 'frozen')",
          clock.instant());
      return null;
    }));
    assertTrue(fenced.await(10, TimeUnit.SECONDS));
    clock.advance(TTL.plusMillis(1));
    long start = System.nanoTime();
    nodeB.beat(); // waits for the row until PostgreSQL ends the frozen session
    Duration waited = Duration.ofNanos(System.nanoTime() - start);
    assertTrue(nodeB.owner(), "the standby took over");
    assertTrue(waited.compareTo(TTL.plusSeconds(2)) < 0, "the takeover waited " + waited);
    assertThrows(Exception.class, frozen::join, "the frozen owner's transaction was ended");
    assertEquals(0, events("frozen"), "nothing of the frozen owner's write was committed");
  }

  @Test
  void partitionsSpreadOverTheLiveNodesAndADeadNodesPartitionsMoveWhileTheOthersStayPut() {
    Partitions city = Partitions.parse("korean: general-ko messaging-ko; sign: sign-video");
    LeaseOwnership a = new LeaseOwnership(jdbc, clock, "node-a", TTL, city);
    LeaseOwnership b = new LeaseOwnership(jdbc, clock, "node-b", TTL, city);
    List<String> partitionsHeard = new CopyOnWriteArrayList<>();
    for (String partition : city.names()) {
      a.whenChanged(partition, owner -> partitionsHeard.add("a " + partition + " " + owner));
      b.whenChanged(partition, owner -> partitionsHeard.add("b " + partition + " " + owner));
    }
    a.beat(); // alone: its share is every partition
    assertEquals(Set.of("korean", "routing", "sign"), held(a));
    b.beat(); // below its share of ceil(3 / 2), but nothing is free
    assertEquals(Set.of(), held(b));
    clock.advance(Duration.ofMillis(500));
    a.beat(); // above its share: releases one, the default partition (the one-node workers') last
    assertEquals(Set.of("routing", "sign"), held(a));
    clock.advance(Duration.ofMillis(500));
    b.beat();
    assertEquals(Set.of("korean"), held(b), "a node below its share took the released partition at once");
    assertEquals(List.of("a korean true", "a routing true", "a sign true", "a korean false", "b korean true"),
        partitionsHeard);
    assertThrows(LeaseLostException.class, () -> jdbc.inTransaction(() -> {
      a.fence("korean");
      return null;
    }), "the node that released korean cannot write its routing");
    jdbc.inTransaction(() -> {
      a.fence("sign");
      b.fence("korean");
      return null;
    });
    for (int second = 0; second < 3; second++) { // both renew: nothing moves
      clock.advance(Duration.ofSeconds(1));
      a.beat();
      b.beat();
    }
    assertEquals(5, partitionsHeard.size(), "stable spread: " + partitionsHeard);

    clock.advance(TTL.plusMillis(1)); // node-a killed: no heartbeat since
    b.beat();
    assertEquals(Set.of("korean", "routing", "sign"), held(b), "the dead node's partitions moved in one heartbeat");
    assertEquals(List.of("b routing true", "b sign true"), partitionsHeard.subList(5, partitionsHeard.size()),
        "korean was never stopped on node-b");
    assertTrue(b.owner(), "the default partition's owner runs the one-node workers");
    assertEquals(Set.of("korean", "routing", "sign"), b.describe().get("partitions"));
  }

  @Test
  void aDeadNodesPartitionGoesToTheNodeBelowItsShare() {
    Partitions two = Partitions.parse("sign: sign-video");
    LeaseOwnership a = new LeaseOwnership(jdbc, clock, "node-a", TTL, two);
    LeaseOwnership b = new LeaseOwnership(jdbc, clock, "node-b", TTL, two);
    LeaseOwnership c = new LeaseOwnership(jdbc, clock, "node-c", TTL, two);
    a.beat();
    b.beat();
    c.beat(); // share ceil(2 / 3) = 1: a holds both for now
    clock.advance(Duration.ofMillis(500));
    a.beat(); // releases sign
    clock.advance(Duration.ofMillis(500));
    c.beat(); // c below its share: takes sign
    assertEquals(Set.of("routing"), held(a));
    assertEquals(Set.of(), held(b));
    assertEquals(Set.of("sign"), held(c));
    for (int second = 0; second < 4; second++) { // c killed; a and b still beat
      clock.advance(Duration.ofSeconds(1));
      a.beat();
      b.beat();
    }
    assertEquals(Set.of("sign"), held(b), "node-b, below its share, took it");
    assertEquals(Set.of("routing"), held(a));
  }

  @Test
  void aStoppingNodeHandsItsPartitionsOverAtTheOthersNextHeartbeat() {
    Partitions two = Partitions.parse("sign: sign-video");
    LeaseOwnership a = new LeaseOwnership(jdbc, clock, "node-a", TTL, two);
    LeaseOwnership b = new LeaseOwnership(jdbc, clock, "node-b", TTL, two);
    a.beat();
    b.beat();
    clock.advance(Duration.ofMillis(500));
    a.beat(); // releases sign
    clock.advance(Duration.ofMillis(500));
    b.beat();
    assertEquals(Set.of("sign"), held(b));
    List<String> heardByB = new CopyOnWriteArrayList<>();
    b.whenChanged("sign", owner -> heardByB.add("sign " + owner));

    b.stop(); // a rolling restart: node-b stops
    assertEquals(Set.of(), held(b));
    assertEquals(List.of("sign false"), heardByB, "the stopping node stopped routing its partition first");
    clock.advance(Duration.ofMillis(100)); // well within the time to live of node-b's last beat
    a.beat();
    assertEquals(Set.of("routing", "sign"), held(a), "taken at the next heartbeat, not after the lease's expiry");
    assertThrows(LeaseLostException.class, () -> jdbc.inTransaction(() -> {
      b.fence("sign");
      return null;
    }), "the stopped node cannot write the partition's routing");
  }

  private static Set<String> held(LeaseOwnership node) {
    return node.partitions().stream().filter(node::owner).collect(Collectors.toSet());
  }

  private int events(String payload) {
    return jdbc.queryOne("select count(*) from domain_event where type = 'probe' and payload = ?",
        row -> row.getInt(1), payload).orElse(0);
  }
}
