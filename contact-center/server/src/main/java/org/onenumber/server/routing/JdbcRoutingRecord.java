package org.onenumber.server.routing;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * The routing record on JDBC: contacts in the contact journal, other routing events in
 * {@code domain_event} (position announcements are left out: frequent and recomputable), agent
 * sessions in {@code agent_session} (migration V50), all of one command in one transaction.
 * A session restores as a login to the same queues, on break with the same reason (an agent who
 * was not responding comes back on break "not-responding"), with the same messaging capacity.
 * Each citizen's last agent comes from the contacts connected within
 * {@code onenumber.routing.sticky-memory} (30 days), so sticky queues survive a restart.
 * Thread-safe.
 */
@Singleton
final class JdbcRoutingRecord implements RoutingRecord {

  static final String NOT_RESPONDING = "not-responding";

  private final Jdbc jdbc;
  private final JdbcContactJournal journal;
  private final JdbcDirectory directory;
  private final RoutingStore store;
  private final JdbcRoutingEvents events;
  private final InstantSource clock;
  private final Duration stickyMemory;
  private final RoutingOwnership ownership;

  JdbcRoutingRecord(Jdbc jdbc, JdbcContactJournal journal, JdbcDirectory directory, RoutingStore store,
      JdbcRoutingEvents events, InstantSource clock,
      @Value("${onenumber.routing.sticky-memory:30d}") Duration stickyMemory, RoutingOwnership ownership) {
    this.ownership = ownership;
    this.stickyMemory = stickyMemory;
    this.jdbc = jdbc;
    this.journal = journal;
    this.directory = directory;
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public List<QueueConfig> configurations() {
    return directory.queues().stream().map(this::configFor).toList();
  }

  QueueConfig configFor(Queue queue) {
    return store.find(queue.id()).map(body -> body.toConfig(queue)).orElseGet(() -> QueueConfig.defaults(queue));
  }

  @Override
  public List<Contact> openContacts() {
    return journal.open();
  }

  /** From the journal: the agent of each citizen's latest connected contact within the sticky memory. */
  @Override
  public Map<CitizenId, AgentId> lastAgents() {
    Map<CitizenId, AgentId> last = new HashMap<>();
    jdbc.query("select citizen_id, agent_id from contact where agent_id is not null and connected_at >= ?"
        + " order by connected_at, id", row -> last.put(new CitizenId(row.getString(1)), new AgentId(row.getString(2))),
        clock.instant().minus(stickyMemory));
    return last;
  }

  @Override
  public List<RoutingCommand> sessionCommands() {
    List<RoutingCommand> commands = new ArrayList<>();
    for (Session session : jdbc.query("select agent_id, queues, state, break_reason, max_messaging from agent_session"
        + " order by updated_at, agent_id", row -> new Session(new AgentId(row.getString(1)), queues(row.getString(2)),
            AgentState.valueOf(row.getString(3)), row.getString(4), row.getInt(5)))) {
      directory.agent(session.agent()).ifPresent(agent -> commands.addAll(session.commands(agent)));
    }
    return commands;
  }

  /** When the journal's latest contact step happened, if it holds any. */
  Optional<Instant> lastStepAt() {
    return jdbc.query("select max(at) as last_at from contact_step", row -> Jdbc.instant(row, "last_at")).stream()
        .filter(java.util.Objects::nonNull).findFirst();
  }

  /** Contacts the journal holds as queued since before {@code before} with their queues (a partition owner's pick-up of other nodes' intake). */
  Map<ContactId, QueueId> queuedBefore(Instant before) {
    Map<ContactId, QueueId> queued = new LinkedHashMap<>();
    jdbc.query("select id, queue_id from contact where state = 'QUEUED' and queued_at < ? and queue_id is not null",
        row -> Map.entry(new ContactId(row.getString(1)), new QueueId(row.getString(2))), before)
        .forEach(e -> queued.put(e.getKey(), e.getValue()));
    return queued;
  }

  @Override
  public void write(Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
    write(RoutingOwnership.PARTITION, decisions, agents, loggedOut);
  }

  @Override
  public void write(String partition, Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
    List<DomainEvent> loose = decisions.unattached().stream().filter(e -> !(e instanceof QueuePositionChanged)).toList();
    if (decisions.contacts().isEmpty() && loose.isEmpty() && agents.isEmpty() && loggedOut.isEmpty()) {
      return;
    }
    jdbc.inTransaction(() -> {
      ownership.fence(partition); // a node that lost the partition's lease writes nothing: LeaseLostException rolls back
      journal.appendAll(decisions.contacts(), decisions::eventsFor); // a fixed number of round trips
      events.append(loose);
      jdbc.batch("delete from agent_session where agent_id = ?",
          loggedOut.stream().map(agent -> new Object[] {agent.value()}).toList());
      saveAll(agents);
      return null;
    });
  }

  /**
   * Stores each agent's session where it differs from the stored one (a rebuild logs every stored
   * session back in, and rewriting each unchanged row grew the journal on every rebuild), in a
   * fixed number of round trips whatever the number of agents (issue 17: one to three statements
   * per agent, one after the other, on routing's connection): the updates as one batch, then
   * which of the agents whose row did not change have none (one query per 500), then their
   * inserts as one batch.
   */
  private void saveAll(List<AgentStatus> agents) {
    if (agents.isEmpty()) {
      return;
    }
    Instant now = clock.instant();
    List<Object[]> updates = new ArrayList<>();
    for (AgentStatus agent : agents) {
      String queues = queues(agent);
      updates.add(new Object[] {queues, agent.state().name(), agent.breakReason(), agent.maxMessaging(), now,
          agent.agent().value(), queues, agent.state().name(), agent.maxMessaging(),
          agent.breakReason() == null ? "" : agent.breakReason()});
    }
    int[] changed = jdbc.batch("update agent_session set queues = ?, state = ?, break_reason = ?, max_messaging = ?,"
        + " updated_at = ? where agent_id = ? and (queues <> ? or state <> ? or max_messaging <> ?"
        + " or coalesce(break_reason, '') <> ?)", updates);
    List<AgentStatus> unchanged = new ArrayList<>();
    for (int i = 0; i < agents.size(); i++) {
      if (changed[i] < 1) { // 0: the same as stored, or none stored (a driver may not count: check)
        unchanged.add(agents.get(i));
      }
    }
    Set<String> stored = storedSessions(unchanged);
    jdbc.batch("insert into agent_session (agent_id, queues, state, break_reason, max_messaging, updated_at)"
        + " values (?, ?, ?, ?, ?, ?)", unchanged.stream().filter(agent -> !stored.contains(agent.agent().value()))
        .map(agent -> new Object[] {agent.agent().value(), queues(agent), agent.state().name(), agent.breakReason(),
            agent.maxMessaging(), now}).toList());
  }

  /** Which of {@code agents} have a stored session (one query per 500). */
  private Set<String> storedSessions(List<AgentStatus> agents) {
    Set<String> stored = new HashSet<>();
    for (int from = 0; from < agents.size(); from += 500) {
      List<AgentStatus> chunk = agents.subList(from, Math.min(agents.size(), from + 500));
      jdbc.query("select agent_id from agent_session where agent_id in ("
          + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", row -> stored.add(row.getString(1)),
          chunk.stream().map(agent -> agent.agent().value()).toArray());
    }
    return stored;
  }

  private static String queues(AgentStatus agent) {
    return agent.queues().stream().map(QueueId::value).sorted().collect(Collectors.joining(","));
  }

  private static Set<QueueId> queues(String text) {
    return Arrays.stream(text.split(",")).filter(s -> !s.isBlank()).map(QueueId::new).collect(Collectors.toSet());
  }

  /** One stored session. */
  private record Session(AgentId agent, Set<QueueId> queues, AgentState state, String breakReason, int maxMessaging) {
    List<RoutingCommand> commands(Agent known) {
      String onBreak = switch (state) {
        case BREAK -> breakReason == null ? "break" : breakReason;
        case NOT_RESPONDING -> NOT_RESPONDING;
        default -> null;
      };
      List<RoutingCommand> commands = new ArrayList<>(List.of(new RoutingCommand.LogIn(known, queues, onBreak)));
      if (maxMessaging != known.capacity().maxMessaging()) {
        commands.add(new RoutingCommand.ChangeCapacity(agent, maxMessaging));
      }
      return commands;
    }
  }
}
