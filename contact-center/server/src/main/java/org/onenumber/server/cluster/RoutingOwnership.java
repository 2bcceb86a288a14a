package org.onenumber.server.cluster;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Whether this node routes, and the fence of its routing writes (issue 11). One node alone
 * ({@link SingleNodeOwnership}, the default) always routes and fences nothing; in the cluster
 * ({@link LeaseOwnership}, {@code onenumber.cluster.enabled}) only the holder of the routing
 * lease routes. In this slice the whole engine is one partition ({@link #PARTITION}).
 */
public interface RoutingOwnership {

  /**
   * {@code @Scheduled(condition = ONE_NODE_ONLY)}: a worker that must run on one node at a time
   * (the outbox, dialers, sweeps): always on one node alone, only on the lease owner in the cluster.
   */
  String ONE_NODE_ONLY = "#{ ctx[T(org.onenumber.server.cluster.RoutingOwnership)].owner() }";

  /** The one partition of this slice: every queue's routing. */
  String PARTITION = "routing";

  /** True while this node may route. */
  boolean owner();

  /**
   * Call inside the routing write's own transaction: throws {@link JdbcRoutingLease.LeaseLostException}
   * (the transaction rolls back) unless this node still holds the lease.
   */
  void fence();

  /** {@code listener} hears {@code true} when this node starts routing, {@code false} when it stops. */
  void whenChanged(Consumer<Boolean> listener);

  /** True in the cluster: other nodes may queue contacts (intake, webhooks) that the owner must pick up. */
  default boolean clustered() {
    return false;
  }

  /** Role, node and epoch, for {@code /health}'s details. */
  Map<String, Object> describe();
}
