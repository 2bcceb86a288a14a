package org.onenumber.server.cluster;

import java.time.Duration;
import java.time.InstantSource;
import org.onenumber.core.routing.Partitions;
import org.onenumber.server.persistence.Jdbc;

/**
 * For tests outside this package: one cluster node's {@link LeaseOwnership} on {@code clock}, without a
 * heartbeat thread ({@link #beat} by hand), stopped as the server stops it ({@link #stop}).
 */
public final class LeaseNode {

  private final LeaseOwnership ownership;

  public LeaseNode(Jdbc jdbc, InstantSource clock, String node, Duration ttl) {
    this.ownership = new LeaseOwnership(jdbc, clock, node, ttl, Partitions.none());
  }

  public RoutingOwnership ownership() {
    return ownership;
  }

  public void beat() {
    ownership.beat();
  }

  public void stop() {
    ownership.stop();
  }
}
