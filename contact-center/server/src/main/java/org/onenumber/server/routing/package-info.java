/**
 * Routing in the server: {@link org.onenumber.server.routing.RoutingHost} runs the core routing
 * engine confined to one Vert.x worker context, feeds it from contact intake, journals its
 * decisions and pushes them to operator consoles over {@code /ws/agents/{agentId}};
 * {@link org.onenumber.server.routing.ConversationPush} adds message, delivery-status and typing
 * frames for the contacts an operator holds (frames listed in
 * {@link org.onenumber.server.routing.AgentSocket}). The HTTP API
 * (agent presence, offers, wrap-up, transfers, callbacks, the admin configuration of queues and
 * agents) is documented in {@code docs/api/agent-api.md} and in the OpenAPI document; the socket
 * frames in {@code contact-center/server/src/main/resources/asyncapi/agents.yml}. A command whose
 * sender is gone (a hung-up caller's abandon, a chat left without a socket past its grace period)
 * is handed over without waiting and tried again until journaled
 * ({@link org.onenumber.server.routing.UntilJournaled}, gauge {@code
 * onenumber.routing.journaled.later.pending}). A browser call's step handed by its home carries the call's
 * claim ({@link org.onenumber.server.routing.CallClaim}) and is written alone, in a transaction that checks
 * {@code call_home} still holds it. Who routes what is read by
 * {@link org.onenumber.server.routing.PartitionsReader} and pushed to the wallboard as server-sent
 * events by {@link org.onenumber.server.routing.PartitionWatch} ({@code GET
 * /api/v1/cluster/partitions/stream}): frames {@code event: partitions} with the view and its
 * {@code changes} (acquired, lost, moved) as PostgreSQL notifies a lease change ({@link
 * org.onenumber.server.cluster.PostgresLeaseListener}; no polling; the waiting counts, relayed reads,
 * follow from a thread of their own), and the comment {@code : ping N} of every stream
 * ({@link org.onenumber.server.web.EventStreamHeartbeat}).
 */
package org.onenumber.server.routing;
