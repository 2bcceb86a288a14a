package org.onenumber.server.cluster;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.onenumber.core.routing.Partitions;

/**
 * Whether this node routes, and the fence of its routing writes (issue 11). One node alone
 * ({@link SingleNodeOwnership}, the default) always routes and fences nothing; in the cluster
 * ({@link LeaseOwnership}, {@code onenumber.cluster.enabled}) only the holder of the routing
 * lease routes. The engine routes one partition, {@link #PARTITION} (every queue); the lease is
 * held per partition ({@link Partitions}, {@code onenumber.cluster.partitions}): the methods that
 * take a partition answer for that one, the others for {@link #PARTITION}.
 */
public interface RoutingOwnership {

  /**
   * {@code @Scheduled(condition = ONE_NODE_ONLY)}: a worker that must run on one node at a time
   * (the outbox, dialers, sweeps): always on one node alone, only on the lease owner in the cluster.
   */
  String ONE_NODE_ONLY = "#{ ctx[T(org.onenumber.server.cluster.RoutingOwnership)].owner() }";

  /** The default partition: every queue no configured partition names (all of them without configuration). */
  String PARTITION = Partitions.DEFAULT;

  /** True while this node may route. */
  boolean owner();

  /**
   * Call inside the routing write's own transaction: throws {@link JdbcRoutingLease.LeaseLostException}
   * (the transaction rolls back) unless this node still holds the lease.
   */
  void fence();

  /** {@code listener} hears {@code true} when this node starts routing, {@code false} when it stops. */
  void whenChanged(Consumer<Boolean> listener);

  /** Every partition of the center ({@link #PARTITION} included). */
  default Set<String> partitions() {
    return Set.of(PARTITION);
  }

  /** True while this node may route {@code partition}. */
  default boolean owner(String partition) {
    return PARTITION.equals(partition) && owner();
  }

  /** {@link #fence()} for {@code partition}'s routing writes. */
  default void fence(String partition) {
    if (!PARTITION.equals(partition)) {
      throw new JdbcRoutingLease.LeaseLostException("no partition " + partition + " here");
    }
    fence();
  }

  /** {@code listener} hears {@code true} when this node starts routing {@code partition}, {@code false} when it stops. */
  default void whenChanged(String partition, Consumer<Boolean> listener) {
    if (PARTITION.equals(partition)) {
      whenChanged(listener);
    }
  }

  /** True in the cluster: other nodes may queue contacts (intake, webhooks) that the owner must pick up. */
  default boolean clustered() {
    return false;
  }

  /**
   * How many nodes said at their last heartbeat that they are alive (the database's count, this node
   * included), as this node read it at its own last heartbeat; {@code 1} on a node alone.
   */
  default int liveNodes() {
    return 1;
  }

  /** This node's name in the cluster ({@code onenumber.cluster.node-id}); {@code single} on a node alone. */
  default String node() {
    return "single";
  }

  /**
   * Every partition's lease as the database holds it now, this node's and the others' (who routes
   * what); none on a node alone, which routes every partition without a lease.
   */
  default List<JdbcRoutingLease.Lease> leases() {
    return List.of();
  }

  /** Role, node and epoch, for {@code /health}'s details. */
  Map<String, Object> describe();
}
