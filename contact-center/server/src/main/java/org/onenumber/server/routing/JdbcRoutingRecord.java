package org.onenumber.server.routing;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Supplier;
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
 * sessions in {@code agent_session} (migration V50), all of one batch in one transaction of a fixed
 * number of statements (six at most, whatever the batch holds).
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
  private final InstantSource clock;
  private final Duration stickyMemory;
  private final RoutingOwnership ownership;

  JdbcRoutingRecord(Jdbc jdbc, JdbcContactJournal journal, JdbcDirectory directory, RoutingStore store,
      InstantSource clock,
      @Value("${onenumber.routing.sticky-memory:30d}") Duration stickyMemory, RoutingOwnership ownership) {
    this.ownership = ownership;
    this.stickyMemory = stickyMemory;
    this.jdbc = jdbc;
    this.journal = journal;
    this.directory = directory;
    this.store = store;
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
    Map<ContactId, List<DomainEvent>> attached = new HashMap<>();
    decisions.contacts().forEach(c -> attached.put(c.id(), new ArrayList<>()));
    List<DomainEvent> loose = new ArrayList<>();
    for (DomainEvent event : decisions.events()) { // once, not once per contact: a batch holds hundreds of each
      List<DomainEvent> own = attached.get(Decisions.contactOf(event));
      if (own != null) {
        own.add(event);
      } else if (!(event instanceof QueuePositionChanged)) {
        loose.add(event);
      }
    }
    if (decisions.contacts().isEmpty() && loose.isEmpty() && agents.isEmpty() && loggedOut.isEmpty()) {
      return;
    }
    jdbc.inTransaction(() -> {
      ownership.fence(partition); // a node that lost the partition's lease writes nothing: LeaseLostException rolls back
      journal.appendAll(decisions.contacts(), attached::get, loose); // a fixed number of round trips
      jdbc.batch("delete from agent_session where agent_id = ?",
          loggedOut.stream().map(agent -> new Object[] {agent.value()}).toList());
      saveAll(agents);
      return null;
    });
  }

  @Override
  public <T> T underClaim(CallClaim claim, Supplier<T> write) {
    return underClaim(RoutingOwnership.PARTITION, claim, write);
  }

  /**
   * {@link #underClaim(CallClaim, Supplier)} of routing partition {@code partition}: its lease
   * is fenced first (as every routing write is; that also bounds how long a writer frozen inside the transaction
   * holds its rows, see {@code LeaseOwnership.fence}), then the claim is read with its row held ({@code for
   * share} on PostgreSQL, which a claim's upsert and a release's delete wait for; {@code for update} on H2) in
   * the transaction {@code write} joins, so the step is written only under the claim and no other node's claim
   * lands between the check and the commit.
   */
  @Override
  public <T> T underClaim(String partition, CallClaim claim, Supplier<T> write) {
    String lock = jdbc.postgres() ? " for share" : " for update";
    return jdbc.inTransaction(() -> {
      ownership.fence(partition);
      boolean holds = jdbc.queryOne("select claim from call_home where contact_id = ?" + lock,
          row -> row.getString(1), claim.contact().value()).filter(claim.claim()::equals).isPresent();
      if (!holds) {
        throw new CallClaim.LostException("another node claimed call " + claim.contact().value()
            + " since its home handed this step; nothing written");
      }
      return write.get();
    });
  }

  /**
   * Stores each agent's session where it differs from the stored one (a rebuild logs every stored
   * session back in, and rewriting each unchanged row grew the journal on every rebuild) in one
   * statement whatever the number of agents: a batch of one {@code merge} per agent, which inserts
   * a missing session and updates a changed one (session 17: an update batch, a read of which
   * sessions exist and an insert batch, one round trip after the other on routing's connection).
   */
  private void saveAll(List<AgentStatus> agents) {
    Instant now = clock.instant();
    jdbc.batch(MERGE_SESSION, agents.stream().map(agent -> new Object[] {agent.agent().value(), queues(agent),
        agent.state().name(), agent.breakReason(), agent.maxMessaging(), now}).toList());
  }

  private static final String MERGE_SESSION = "merge into agent_session s using (values (cast(? as varchar(64)),"
      + " cast(? as varchar(1000)), cast(? as varchar(32)), cast(? as varchar(200)), cast(? as integer),"
      + " cast(? as timestamp with time zone))) as v (agent_id, queues, state, break_reason, max_messaging, updated_at)"
      + " on s.agent_id = v.agent_id"
      + " when matched and (s.queues <> v.queues or s.state <> v.state or s.max_messaging <> v.max_messaging"
      + " or coalesce(s.break_reason, '') <> coalesce(v.break_reason, '')) then update set queues = v.queues,"
      + " state = v.state, break_reason = v.break_reason, max_messaging = v.max_messaging, updated_at = v.updated_at"
      + " when not matched then insert (agent_id, queues, state, break_reason, max_messaging, updated_at)"
      + " values (v.agent_id, v.queues, v.state, v.break_reason, v.max_messaging, v.updated_at)";

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
