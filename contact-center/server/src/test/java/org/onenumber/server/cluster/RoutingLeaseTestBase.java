package org.onenumber.server.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.server.cluster.JdbcRoutingLease.Lease;
import org.onenumber.server.cluster.JdbcRoutingLease.LeaseLostException;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.testkit.ManualClock;

/**
 * The routing lease between two nodes on one database: exclusive while held, taken over with a
 * new epoch once expired, and a fenced write of the node that lost it rolls back. Run on H2 and
 * on a real PostgreSQL by the subclasses.
 */
abstract class RoutingLeaseTestBase {

  private static final Duration TTL = Duration.ofSeconds(3);

  protected abstract DataSource freshDatabase();

  private final ManualClock clock = new ManualClock(Instant.parse("2026-12-02T10:00:00Z"));
  private Jdbc jdbc;
  private JdbcRoutingLease nodeA;
  private JdbcRoutingLease nodeB;

  @BeforeEach
  void twoNodes() {
    jdbc = new Jdbc(freshDatabase());
    nodeA = new JdbcRoutingLease(jdbc, clock, "node-a", TTL);
    nodeB = new JdbcRoutingLease(jdbc, clock, "node-b", TTL);
  }

  @Test
  void onlyOneNodeHoldsAPartitionWhileItsLeaseIsRenewed() {
    Lease a = nodeA.acquire("messaging-ko").orElseThrow();
    assertEquals(1, a.epoch());
    assertTrue(nodeB.acquire("messaging-ko").isEmpty(), "node-b took a held lease");
    clock.advance(Duration.ofSeconds(2));
    a = nodeA.renew(a).orElseThrow();
    clock.advance(Duration.ofSeconds(2));
    assertTrue(nodeB.acquire("messaging-ko").isEmpty(), "node-b took a lease renewed a second ago");
    assertTrue(nodeB.acquire("general-ko").isPresent(), "another partition is free");
  }

  @Test
  void anExpiredLeaseIsTakenOverWithANewEpochAndTheOldOwnerCanNeitherRenewNorWrite() {
    Lease a = nodeA.acquire("messaging-ko").orElseThrow();
    clock.advance(TTL.plusMillis(1));
    Lease b = nodeB.acquire("messaging-ko").orElseThrow();
    assertEquals(a.epoch() + 1, b.epoch());
    assertTrue(nodeA.renew(a).isEmpty(), "the old owner renewed a lease it lost");

    Lease stale = a;
    assertThrows(LeaseLostException.class, () -> jdbc.inTransaction(() -> {
      jdbc.update("insert into domain_event (type, at, contact_id, payload) values ('probe', ?, null, 'stale')",
          clock.instant());
      nodeA.fence(stale);
      return null;
    }));
    assertEquals(0, events("stale"), "the old owner's write rolled back");

    jdbc.inTransaction(() -> {
      nodeB.fence(b);
      jdbc.update("insert into domain_event (type, at, contact_id, payload) values ('probe', ?, null, 'owner')",
          clock.instant());
      return null;
    });
    assertEquals(1, events("owner"), "the new owner's write committed");
  }

  @Test
  void anExpiredLeaseNobodyTookStillFencesAndIsTakenBackByItsOwnerInANewEpoch() {
    Lease a = nodeA.acquire("messaging-ko").orElseThrow();
    clock.advance(TTL.plusSeconds(5));
    jdbc.inTransaction(() -> {
      nodeA.fence(a);
      return null;
    });
    Lease again = nodeA.acquire("messaging-ko").orElseThrow();
    assertEquals(a.epoch() + 1, again.epoch());
    assertThrows(LeaseLostException.class, () -> nodeA.fence(a), "the node's own earlier epoch is fenced off too");
  }

  @Test
  void aReleasedLeaseGoesAtOnceToANodeBelowItsShareAndAfterALeasesTimeToOneAtItsShare() {
    JdbcRoutingLease nodeC = new JdbcRoutingLease(jdbc, clock, "node-c", TTL);
    Lease a = nodeA.acquire("sign").orElseThrow();
    nodeA.release(a);
    clock.advance(Duration.ofMillis(1));
    assertTrue(nodeB.acquire("sign", TTL).isEmpty(), "a node at its share waits a lease's time");
    Lease c = nodeC.acquire("sign").orElseThrow();
    assertEquals(a.epoch() + 1, c.epoch(), "a node below its share took it at once, with the next epoch");
    assertThrows(LeaseLostException.class, () -> jdbc.inTransaction(() -> {
      nodeA.fence(a);
      return null;
    }), "the releasing node writes nothing once the partition was taken");
    clock.advance(TTL.plusMillis(1)); // node-c stopped renewing
    assertTrue(nodeB.acquire("sign", TTL).isEmpty(), "expired, but not yet free for a lease's time");
    clock.advance(TTL);
    assertTrue(nodeB.acquire("sign", TTL).isPresent(), "free for a lease's time: a node at its share takes it");
  }

  @Test
  void theLiveNodesAreThoseWhoseHeartbeatIsWithinATimeToLive() {
    assertEquals(0, nodeA.liveNodes());
    nodeA.present();
    nodeB.present();
    assertEquals(2, nodeA.liveNodes());
    clock.advance(Duration.ofSeconds(2));
    nodeA.present();
    clock.advance(Duration.ofSeconds(2));
    assertEquals(1, nodeB.liveNodes(), "node-b's heartbeat is older than a time to live");
    nodeB.present();
    assertEquals(2, nodeB.liveNodes());
  }

  private int events(String payload) {
    return jdbc.queryOne("select count(*) from domain_event where type = 'probe' and payload = ?",
        row -> row.getInt(1), payload).orElse(0);
  }
}
