/**
 * Three nodes, one center (issue 11), the active/standby slice: ownership of routing by a
 * PostgreSQL lease ({@link org.onenumber.server.cluster.JdbcRoutingLease}, table {@code
 * routing_lease}). {@link org.onenumber.server.cluster.RoutingOwnership} says whether this node
 * routes and fences routing writes: one node alone always routes; with {@code
 * onenumber.cluster.enabled} the heartbeat of {@link org.onenumber.server.cluster.LeaseOwnership}
 * holds the routing leases (without partitions configured one: the whole engine), renewing each every second with a 3 s
 * expiry, and a standby takes it over when it expires. Every routing write fences with the lease
 * inside its own transaction, so an owner that was paused or cut off and lost the lease cannot
 * write a decision after the next owner took over. {@code /health} tells a routing node (UP) from a
 * standby (503 STANDBY) for a load balancer. The bus between nodes is clustered (Hazelcast) and authenticated
 * (TLS with client certificates, {@code BusTls}); a standby relays commands and engine reads to the owner
 * ({@code CommandRelay}, {@code EngineRead}). The lease is held per routing partition ({@code
 * onenumber.cluster.partitions}: disjoint groups of queues, spread over the live nodes, checked at
 * start by {@link org.onenumber.server.cluster.PartitionsCheck}), each routed by an engine of its own
 * on the node holding its lease ({@code RoutingHost}, {@code RoutingPartition}); a node routing any
 * partition is ready; a stopping node hands its leases over at once: see docs/architecture.md,
 * "Routing partitions". A lease's acquire and release notify PostgreSQL's channel {@code
 * routing_lease_changed} in their own transaction (the partition's name, nothing else), heard by
 * {@link org.onenumber.server.cluster.PostgresLeaseListener} on one connection per node, for the
 * wallboards' pushed partitions panel.
 */
package org.onenumber.server.cluster;
