package org.onenumber.server.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;

/**
 * An in-memory routing record whose next write can be made to fail, as a database that drops
 * its connection mid-transaction would: a failed write changes nothing. Keeps the open contacts,
 * the agent sessions, every event written, and calls' claims ({@code call_home}: {@link #claims}), which a
 * command written under a claim must still find. Not thread-safe.
 */
final class FlakyRoutingRecord implements RoutingRecord {

  final Map<ContactId, Contact> open = new LinkedHashMap<>();
  final Map<AgentId, AgentStatus> sessions = new LinkedHashMap<>();
  final List<DomainEvent> written = new ArrayList<>();
  /** The partition of each partition write ({@link PartitionRecord}), in order. */
  final List<String> partitionsWritten = new ArrayList<>();
  private final List<QueueConfig> configurations;
  private final Map<AgentId, Agent> directory;
  private RuntimeException failNext;
  int failedWrites;
  /** Writes that succeeded: one transaction each. */
  int writes;
  /** Each call's latest claim, as {@code call_home} holds it. */
  final Map<ContactId, String> claims = new LinkedHashMap<>();

  FlakyRoutingRecord(List<QueueConfig> configurations, List<Agent> agents) {
    this.configurations = List.copyOf(configurations);
    this.directory = new LinkedHashMap<>();
    agents.forEach(a -> directory.put(a.id(), a));
  }

  /** The next write throws and stores nothing. */
  void failNextWrite() {
    failNextWriteWith(new RetriableException("database unavailable (injected)", null));
  }

  /** Whether a failure is armed and no write has come to take it yet. */
  boolean failureArmed() {
    return failNext != null;
  }

  /** The next write throws {@code failure} (e.g. a lease fence's) and stores nothing. */
  void failNextWriteWith(RuntimeException failure) {
    failNext = failure;
  }

  /** What intake does in its own transaction before routing hears of the contact. */
  void intake(Contact queued) {
    open.put(queued.id(), queued);
  }

  /** Intake of a Korean voice contact {@code id} queued in {@code queue} at {@code at}; returns it. */
  Contact intake(String id, QueueId queue, Instant at) {
    Contact contact = Contact.create(new ContactId(id), Channel.VOICE, new CitizenId("citizen-" + id), Language.KOREAN,
        Set.of(), 0, "topic", at).moveTo(new ContactStep(ContactState.QUEUED, at, null, queue, "intake"));
    intake(contact);
    return contact;
  }

  @Override
  public List<QueueConfig> configurations() {
    return configurations;
  }

  @Override
  public List<Contact> openContacts() {
    return List.copyOf(open.values());
  }

  @Override
  public List<RoutingCommand> sessionCommands() {
    List<RoutingCommand> commands = new ArrayList<>();
    for (AgentStatus s : sessions.values()) {
      boolean paused = s.state() == AgentState.BREAK || s.state() == AgentState.NOT_RESPONDING;
      commands.add(new RoutingCommand.LogIn(directory.get(s.agent()), s.queues(), paused ? "paused" : null));
      commands.add(new RoutingCommand.ChangeCapacity(s.agent(), s.maxMessaging()));
    }
    return commands;
  }

  @Override
  public <T> T underClaim(CallClaim claim, java.util.function.Supplier<T> write) {
    if (!claim.claim().equals(claims.get(claim.contact()))) {
      throw new CallClaim.LostException("another node claimed call " + claim.contact().value() + " (test)");
    }
    return write.get();
  }

  @Override
  public void write(String partition, Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
    partitionsWritten.add(partition);
    write(decisions, agents, loggedOut);
  }

  @Override
  public void write(Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
    if (failNext != null) {
      RuntimeException failure = failNext;
      failNext = null;
      failedWrites++;
      throw failure;
    }
    writes++;
    for (Contact contact : decisions.contacts()) {
      if (contact.state() == ContactState.CLOSED || contact.state() == ContactState.ABANDONED) {
        open.remove(contact.id());
      } else {
        open.put(contact.id(), contact);
      }
    }
    loggedOut.forEach(sessions::remove);
    agents.forEach(a -> sessions.put(a.agent(), a));
    written.addAll(decisions.events());
  }
}
