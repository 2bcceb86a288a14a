/**
 * Three nodes, one center (issue 11), the first step: ownership of a routing partition by a
 * PostgreSQL lease ({@link org.onenumber.server.cluster.JdbcRoutingLease}, table {@code
 * routing_lease}). A node acquires an absent or expired lease (the epoch goes up), renews it well
 * within its time to live, and fences every routing write with it inside the write's own
 * transaction, so an owner that was paused or cut off and lost the lease cannot write a decision
 * after the next owner took over. Not wired into routing yet: see docs/architecture.md, "Three
 * nodes, one center".
 */
package org.onenumber.server.cluster;
