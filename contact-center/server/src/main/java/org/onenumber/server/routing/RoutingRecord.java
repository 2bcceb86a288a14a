package org.onenumber.server.routing;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;

/**
 * The durable side of routing, as {@link JournaledEngine} needs it: what a fresh engine is rebuilt
 * from, and where each command's decisions are written. Implemented on JDBC by
 * {@link JdbcRoutingRecord}; tests use a hand-written in-memory one that can fail on demand.
 */
interface RoutingRecord {

  /** The routing configuration of every known queue. */
  List<QueueConfig> configurations();

  /** Every contact not yet closed or abandoned, as journaled. */
  List<Contact> openContacts();

  /**
   * The agent each citizen was last connected with, within the sticky memory (the preference of
   * {@code STICKY} queues). None by default: a record that keeps no history forgets them.
   */
  default Map<CitizenId, AgentId> lastAgents() {
    return Map.of();
  }

  /** The commands that log the agents of the stored sessions back in, state and capacity included. */
  List<RoutingCommand> sessionCommands();

  /**
   * Writes one command's decisions atomically: the changed contacts with their events, the other
   * events, the sessions of {@code agents} (logged in) and the end of those in {@code loggedOut}.
   * Returns only once all of it is durable; throws, having written nothing, otherwise.
   */
  void write(Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut);

  /**
   * {@link #write} of one routing partition's engine ({@link PartitionRecord}): fenced with that
   * partition's lease instead of the default partition's.
   */
  void write(String partition, Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut);

  /**
   * Runs {@code write} (which applies one command and {@link #write}s it) in one transaction that first checks,
   * holding the row, that {@code claim} is still its call's in {@code call_home}: a stale claim throws {@link
   * CallClaim.LostException} having written and applied nothing; no claim can change before the commit. By
   * default (a record that keeps no claims) {@code write} runs as it is.
   */
  default <T> T underClaim(CallClaim claim, Supplier<T> write) {
    return write.get();
  }

  /** {@link #underClaim(CallClaim, Supplier)} of one routing partition's engine: fenced with that partition's lease. */
  default <T> T underClaim(String partition, CallClaim claim, Supplier<T> write) {
    return underClaim(claim, write);
  }
}
