package org.onenumber.server.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.Partitions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.QueueStatus;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.config.ServerTime;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing on this node: one {@link RoutingPartition} per routing partition ({@link Partitions},
 * {@code onenumber.cluster.partitions}; without it the one partition {@link RoutingOwnership#PARTITION}
 * of every queue, as a node alone routes), each a journaled engine on a Vert.x worker context of its
 * own that routes while this node holds that partition's lease. Every command, read and console
 * snapshot goes to its partition ({@link Partitions#of(RoutingCommand, Function, Function)}: a queue's
 * by the queue, an operator's by their directory queues, a contact's by its journaled queue) and runs
 * here when this node routes it, else is handed to the partition's owner over the bus ({@link
 * CommandRelay} of that partition; no owner within its timeout is a retriable 503). An intake arrival
 * goes to its queue's partition. The reads of every partition ({@link EngineRead#AGENTS}, {@link
 * EngineRead#CONFIGURATIONS}) are merged; a partition with no owner answering (a takeover under way)
 * is left out of a merged read rather than failing it. A transfer to another partition's queue is
 * refused (400) until it is built as a journaled hand-over. Deadlines are in server time ({@link
 * ServerTime}); a contact offered as it arrives is timed from arrival to the offer frame ({@link
 * OfferLatency}).
 *
 * <p>Failures: an engine refusal or a journal failure goes back to the caller, and nothing of a
 * failed command is published; a batch fenced off after its partition's lease was lost rolls back and
 * every command of it fails with {@link NotRoutingHereException} (503, retry). {@link #call} runs on
 * the default partition's engine (tests, one node). Thread-safe.
 */
@Context
public final class RoutingHost implements RouteContact {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingHost.class);
  /**
   * How often each queue's waiting contacts hear their position, in wall time: under a simulated
   * clock at N× the engine's interval is N × this, so a replayed day announces positions as often
   * per wall second as a real one (at 500× a 10-trace-second interval would be 600 announcement
   * rounds a wall second over 12 queues, each an event per waiting contact, crowding the one
   * routing context and the event loops the arrivals go through).
   */
  static final Duration POSITION_INTERVAL = Duration.ofSeconds(10);
  /** The gauge of what waits for a partition's routing context here ({@link #queuedGauges}). */
  public static final String QUEUED = "onenumber.routing.queued";

  private final Vertx vertx;
  private final JdbcContactJournal journal;
  private final JdbcDirectory directory;
  private final JdbcRoutingRecord record;
  private final ServerTime time;
  private final InstantSource clock;
  private final HandedContacts handed;
  private final Partitions layout;
  private final Map<String, RoutingPartition> partitions = new LinkedHashMap<>();
  private final RoutingPartition whole;
  private final UntilJournaled untilJournaled;

  RoutingHost(Vertx vertx, JdbcContactJournal journal, JdbcDirectory directory, JdbcRoutingRecord record,
      VertxEventPublisher events, AgentSockets sockets, InstantSource clock, RandomGenerator random,
      ServerTime time, MeterRegistry registry, RoutingOwnership ownership, RoutingConnections connections,
      HandedContacts handed, @Value("${onenumber.cluster.partitions:}") String configured) {
    this.vertx = vertx;
    this.journal = journal;
    this.directory = directory;
    this.record = record;
    this.time = time;
    this.clock = clock;
    this.handed = handed;
    this.layout = ownership.clustered() ? Partitions.parse(configured) : Partitions.none();
    Counter rebuilds = Counter.builder("onenumber.routing.rebuilds")
        .description("Routing engines rebuilt from the journal (start, takeover, after a failed write)")
        .register(registry);
    Counter arrivalRetries = Counter.builder("onenumber.routing.arrival.retries")
        .description("Arrivals whose read from the journal failed and were queued again (the engine kept)")
        .register(registry);
    RoutingPartition.Wiring wiring = new RoutingPartition.Wiring(vertx, journal, directory, record, events, sockets,
        clock, random, time, new OfferLatency(registry, time), rebuilds, arrivalRetries, ownership, connections,
        handed, layout);
    layout.names().forEach(name -> partitions.put(name, new RoutingPartition(name, wiring)));
    partitions.values().forEach(partition -> queuedGauges(partition, registry));
    this.whole = partitions.get(RoutingOwnership.PARTITION);
    this.untilJournaled = new UntilJournaled(this::attempt, (millis, retry) -> vertx.setTimer(millis,
        id -> vertx.executeBlocking(() -> {
          retry.run(); // a clustered try may read the contact's queue from the journal
          return null;
        }, false)), UntilJournaled.LIMIT, registry);
    if (layout.names().stream().anyMatch(ownership::owner)) {
      clockNotBehindJournal();
    }
    partitions.values().forEach(RoutingPartition::start);
    events.observe(this::fromIntake);
  }

  /**
   * Gauges {@value #QUEUED} of {@code partition} (tags {@code partition}, {@code lane}: {@code staff} or {@code
   * other}): what waits for its routing context on this node, a backlog behind a slow commit or a busy engine.
   */
  private static void queuedGauges(RoutingPartition partition, MeterRegistry registry) {
    for (boolean staff : new boolean[] {true, false}) {
      Gauge.builder(QUEUED, partition, p -> p.queued(staff)).tag("partition", partition.name())
          .tag("lane", staff ? "staff" : "other")
          .description("Commands and reads waiting for the routing context on this node").register(registry);
    }
  }

  /**
   * Runs {@code work} on the default partition's engine context, once every command queued before it
   * is written, and waits for its result (refused on a node that does not route it).
   */
  public <T> T call(Function<RoutingEngine, T> work) {
    return whole.call(work, false);
  }

  /**
   * As {@link #call}, in the operators' lane: an operator's own view (after their login, their
   * work poll) runs ahead of the arrivals waiting for the context (issue 17).
   */
  public <T> T callForStaff(Function<RoutingEngine, T> work) {
    return whole.call(work, true);
  }

  /** Runs {@code work} later, without waiting, on the engine of every partition this node routes (for event-loop callers). */
  public void submit(Consumer<RoutingEngine> work) {
    partitions.values().stream().filter(RoutingPartition::routesHereOrAlone).forEach(p -> p.submit(work));
  }

  /**
   * Handles one command on its partition's engine; journals (with the commands queued beside it),
   * publishes and pushes its decisions, then answers. Handed to the partition's owner when another
   * node routes it.
   */
  public Decisions handle(RoutingCommand requested) {
    return route(requested, null);
  }

  /**
   * As {@link #handle}, a call's step its home hands under its claim ({@link CallClaim}; null: none): written
   * only while {@code call_home} still holds that claim, else refused with {@link CallClaim.LostException}.
   */
  public Decisions route(RoutingCommand requested, CallClaim claim) {
    RoutingCommand command = acrossPartitions(requested);
    RoutingPartition partition = partitionOf(command);
    return partition.routesHereOrAlone() ? partition.handleHere(command, claim)
        : partition.relay().forward(command, claim);
  }

  @Override
  public Decisions route(RoutingCommand command) {
    return handle(command);
  }

  /** A command nobody waits for; handed to its partition's owner over the bus when another node routes it (failures logged). */
  @Override
  public void routeLater(RoutingCommand requested) {
    RoutingPartition partition;
    RoutingCommand command;
    try {
      command = acrossPartitions(requested);
      partition = partitionOf(command);
    } catch (RuntimeException e) {
      LOG.info("routing did not take {}: {}", requested.getClass().getSimpleName(), e.getMessage());
      return;
    }
    if (partition.routesHereOrAlone()) {
      partition.later(command);
    } else {
      partition.relay().forwardLater(command);
    }
  }

  /**
   * A command whose sender is gone (a hung-up caller's abandon): handed over at once and tried again
   * until journaled ({@link UntilJournaled}), on whichever node routes its partition at each try.
   */
  @Override
  public CompletionStage<Decisions> routeUntilJournaled(RoutingCommand command) {
    return untilJournaled.hand(command);
  }

  /**
   * As {@link #routeUntilJournaled(RoutingCommand)}, a call's step handed under its home's claim (null: none):
   * every try is written only while {@code call_home} holds it; a stale claim ends it ({@link
   * CallClaim.LostException}), never tried again.
   */
  public CompletionStage<Decisions> routeUntilJournaled(RoutingCommand command, CallClaim claim) {
    return untilJournaled.hand(command, claim);
  }

  /** One try of {@link #routeUntilJournaled}: queued on the partition's context here, or sent to its owner; never waits. */
  private CompletionStage<Decisions> attempt(RoutingCommand requested, CallClaim claim) {
    RoutingCommand command = acrossPartitions(requested);
    RoutingPartition partition = partitionOf(command);
    return partition.routesHereOrAlone() ? partition.handleLater(command, claim)
        : partition.relay().forwardAsync(command, claim);
  }

  /**
   * A transfer to a queue of another partition than the contact's becomes a journaled hand-over
   * ({@link RoutingCommand.HandOff}): the contact's engine queues it there in the journal, the
   * target partition's owner picks it up within a second or two, its wait kept. A queue the
   * directory does not know is a 404, as on one engine.
   */
  private RoutingCommand acrossPartitions(RoutingCommand command) {
    if (!layout.configured() || !(command instanceof RoutingCommand.Transfer t) || t.toQueue() == null) {
      return command;
    }
    String from = layout.of(command, this::queueOfContact, this::queuesOfAgent);
    if (layout.of(t.toQueue()).equals(from)) {
      return command;
    }
    if (directory.queue(t.toQueue()).isEmpty()) {
      throw new NotFoundException("queue", t.toQueue().value());
    }
    return new RoutingCommand.HandOff(t.contact(), t.toQueue());
  }

  /** The partition whose engine handles {@code command}. */
  private RoutingPartition partitionOf(RoutingCommand command) {
    if (!layout.configured()) {
      return whole;
    }
    return partitions.get(layout.of(command, this::queueOfContact, this::queuesOfAgent));
  }

  /**
   * Refuses (400) a directory entry whose queues fall in two routing partitions, naming them: its
   * capacity would be split between two engines ({@link Partitions#checkOperator}).
   */
  public void checkOperator(Agent operator) {
    layout.checkOperator(operator);
  }

  private Optional<QueueId> queueOfContact(ContactId contact) {
    return journal.find(contact).map(Contact::queue);
  }

  private Set<QueueId> queuesOfAgent(AgentId agent) {
    return directory.agent(agent).map(Agent::queues).orElse(Set.of());
  }

  /** The engine's contact {@code id} (open contacts only), from its partition's owner when another node routes it. */
  public Optional<Contact> contact(ContactId id) {
    return read(EngineRead.CONTACT, id.value());
  }

  /** As {@link #contact}, in the operators' lane ({@link EngineRead#CONTACT_FOR_STAFF}). */
  public Optional<Contact> contactForStaff(ContactId id) {
    return read(EngineRead.CONTACT_FOR_STAFF, id.value());
  }

  /** The engine's view of a logged-in agent, from its partition's owner when another node routes it. */
  public Optional<AgentStatus> agent(AgentId id) {
    return read(EngineRead.AGENT, id.value());
  }

  /**
   * Reads the engine ({@code key} a contact, agent or queue id, or empty) of the key's partition:
   * here when this node routes it, else from its owner over the bus ({@link CommandRelay}); the reads
   * of every agent and every configuration merge every partition's answer.
   */
  @SuppressWarnings("unchecked")
  public <T> T read(EngineRead<T> read, String key) {
    if (!layout.configured()) {
      return readOn(whole, read, key);
    }
    return switch (read.name()) {
      case "agents" -> (T) mergedAgents();
      case "configurations" -> (T) mergedConfigurations();
      case "agent" -> readOn(partitions.get(layout.ofOperator(queuesOfAgent(new AgentId(key)))
          .orElse(RoutingOwnership.PARTITION)), read, key);
      case "queue-status", "configuration" -> readOn(partitions.get(layout.of(new QueueId(key))), read, key);
      default -> readOn(partitions.get(queueOfContact(new ContactId(key)).map(layout::of)
          .orElse(RoutingOwnership.PARTITION)), read, key);
    };
  }

  private static <T> T readOn(RoutingPartition partition, EngineRead<T> read, String key) {
    return partition.routesHereOrAlone() ? partition.readOnEngine(read, key) : partition.relay().read(read, key);
  }

  private List<AgentStatus> mergedAgents() {
    List<AgentStatus> all = new ArrayList<>();
    partitions.values().forEach(p -> all.addAll(readOrNone(p, EngineRead.AGENTS)));
    return all;
  }

  private List<QueueConfig> mergedConfigurations() {
    List<QueueConfig> all = new ArrayList<>();
    partitions.values().forEach(p -> all.addAll(readOrNone(p, EngineRead.CONFIGURATIONS)));
    all.sort(Comparator.comparing(c -> c.queue().id().value()));
    return all;
  }

  /** A partition's part of a merged read; none while no node answers for it (a takeover under way). */
  private static <R> List<R> readOrNone(RoutingPartition partition, EngineRead<List<R>> read) {
    try {
      return readOn(partition, read, "");
    } catch (RetriableException e) {
      LOG.info("routing partition {} left out of read {}: {}", partition.name(), read.name(), e.getMessage());
      return List.of();
    }
  }

  /**
   * Sends {@code agent} their console {@code snapshot} frame (to their sockets on every node): from
   * the engine of their partition here when this node routes it, else asked of its owner over the bus.
   */
  public void snapshot(String agent) {
    RoutingPartition partition = layout.configured()
        ? partitions.get(layout.ofOperator(queuesOfAgent(new AgentId(agent))).orElse(RoutingOwnership.PARTITION))
        : whole;
    if (partition.routesHereOrAlone()) {
      partition.snapshotHere(agent);
    } else {
      partition.relay().requestSnapshot(agent);
    }
  }

  /**
   * Each partition's queues at a glance ({@link EngineRead#QUEUE_STATUSES}), from its engine here or
   * from its owner over the bus; empty for a partition no node answers for now (a takeover under way).
   */
  public Map<String, Optional<List<QueueStatus>>> partitionStatuses() {
    Map<String, Optional<List<QueueStatus>>> statuses = new LinkedHashMap<>();
    partitions.values().forEach(p -> {
      try {
        statuses.put(p.name(), Optional.of(readOn(p, EngineRead.QUEUE_STATUSES, "")));
      } catch (RetriableException noOwnerNow) {
        statuses.put(p.name(), Optional.empty());
      }
    });
    return statuses;
  }

  /** The routing partitions' names, in the order of {@link #partitionStatuses} (nothing read). */
  public List<String> partitionNames() {
    return List.copyOf(partitions.keySet());
  }

  /** The partition routing {@code queue} ({@link RoutingOwnership#PARTITION} without configured partitions). */
  public String partitionOf(QueueId queue) {
    return layout.of(queue);
  }

  /** Which partitions this node routes now (all of them on a node alone), in name order. */
  public List<String> routedHere() {
    return partitions.values().stream().filter(RoutingPartition::routesHereOrAlone).map(RoutingPartition::name).toList();
  }

  /**
   * Intake journaled a new queued contact: hand it to its queue's partition (on intake's thread,
   * right after its commit: waiting for an event loop busy with the other listeners and the sockets
   * was the arrival → offer frame's tail), or to that partition's owner when another node routes it.
   * If the database fails on the way, the engine is rebuilt from the journal, which holds the contact.
   */
  private void fromIntake(DomainEvent event) {
    if (event instanceof ContactStateChanged c && c.from() == ContactState.CREATED && c.to() == ContactState.QUEUED) {
      RoutingPartition partition = c.queue() == null ? whole : partitions.get(layout.of(c.queue()));
      if (partition.routesHereOrAlone()) {
        partition.arrive(c);
      } else {
        arriveOnOwner(partition, c.contact());
      }
    }
  }

  /**
   * Another node routes the partition of a contact this node's intake queued: hand its arrival to that
   * owner at once (it would otherwise pick it up from the journal within a couple of seconds, which
   * stays the fallback when this fails).
   */
  private void arriveOnOwner(RoutingPartition partition, ContactId contact) {
    Optional<Contact> given = handed.take(contact);
    if (given.isPresent()) {
      partition.relay().forwardLater(new RoutingCommand.Arrive(given.get()));
      return;
    }
    vertx.executeBlocking(() -> journal.find(contact), false) // the wait for the owner's answer holds no thread
        .onSuccess(found -> found.ifPresent(c -> partition.relay().forwardLater(new RoutingCommand.Arrive(c))))
        .onFailure(e -> LOG.info("contact {} left to the owner's pick-up: {}", contact, e.getMessage()));
  }

  /**
   * A server whose clock reads earlier than its journal's last step cannot rebuild the line (an
   * offer in flight goes back to the queue "now", before its last step). A simulation restarted on
   * its journal refuses to start, naming the setting that continues its day; on the wall clock
   * (set back, e.g. an NTP step) it is logged and the server starts.
   */
  private void clockNotBehindJournal() {
    Instant now = clock.instant();
    record.lastStepAt().filter(last -> last.isAfter(now)).ifPresent(last -> {
      if (time.simulated()) {
        throw new ClockBehindJournalException("the simulated clock starts at " + now + ", before the journal's last"
            + " step at " + last + ": a simulation restarted on its journal continues its day; set"
            + " onenumber.simulation.clock.start to " + last + " or later");
      }
      LOG.warn("the clock reads {}, before the journal's last step at {} (was it set back?): contacts offered then"
          + " cannot go back to the queue until it passes", now, last);
    });
  }

  @PreDestroy
  void stop() {
    partitions.values().forEach(RoutingPartition::stop);
  }

  /** The simulated clock was started behind the journal (see {@link #clockNotBehindJournal}). */
  static final class ClockBehindJournalException extends IllegalStateException {
    ClockBehindJournalException(String message) {
      super(message);
    }
  }

  /** This node does not route (a cluster standby, or it just lost the lease): retry on the owner. */
  static final class NotRoutingHereException extends RetriableException {
    NotRoutingHereException(String message) {
      super(message, null);
    }
  }

  /** Routing did not answer in time; the caller may retry. */
  static final class RoutingBusyException extends RetriableException {
    RoutingBusyException(String message) {
      super(message, null);
    }
  }
}
