package org.onenumber.server.cluster;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;

/**
 * {@code /health} and {@code /health/readiness} entry {@code routing}: UP on a node that routes
 * (one node alone, or the holder of a routing partition's lease: with {@code
 * onenumber.cluster.partitions} each node routing a partition is ready, and hands the other
 * partitions' commands to their owners over the bus); {@code STANDBY} on a cluster node that routes
 * none, which application.yml maps to 503, so a load balancer checking {@code /health/readiness}
 * sends operators, citizens and webhooks to routing nodes only ({@code {"status":"STANDBY"}} is what
 * an anonymous caller sees). {@code /health/liveness} stays 200 on a standby. Details (role, node,
 * epoch, the partitions this node routes) need a login, like every health detail.
 */
@Singleton
@Readiness
final class RoutingRoleHealthIndicator implements HealthIndicator {

  /** Alive and well, but not routing: not ready for traffic. */
  static final HealthStatus STANDBY = new HealthStatus("STANDBY", "another node routes (cluster standby)", false, null);

  private final RoutingOwnership ownership;

  RoutingRoleHealthIndicator(RoutingOwnership ownership) {
    this.ownership = ownership;
  }

  @Override
  public Publisher<HealthResult> getResult() {
    HealthStatus status = ownership.partitions().stream().anyMatch(ownership::owner) ? HealthStatus.UP : STANDBY;
    return Publishers.just(HealthResult.builder("routing", status).details(ownership.describe()).build());
  }
}
