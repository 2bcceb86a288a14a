package org.onenumber.server.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.server.cluster.JdbcRoutingLease.LeaseLostException;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.config.ServerTime;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the routing engine on one Vert.x worker context (serial, may block on JDBC): every command
 * from HTTP, intake or a timer is queued for that context; the commands that queued up while it
 * was busy are applied together and their decisions journaled in one transaction ({@link
 * RoutingQueue}, {@link JournaledEngine}), then published on the event bus and pushed to agent
 * consoles, then their callers answered; the engine's next deadline becomes a Vert.x timer.
 * Deadlines are in server time; {@link ServerTime} turns them into wall delays (trace time under a
 * simulated clock). A contact offered as it arrives is timed from arrival to the offer frame
 * ({@link OfferLatency}). The context reads and writes the journal on its own connections ({@link
 * RoutingConnections}), never waiting behind intake's requests. On start, and after any failed
 * write, the engine is rebuilt from the record (queue configurations, open contacts, agent
 * sessions; counted in {@code onenumber.routing.rebuilds}); an arrival whose read from the journal
 * failed is read again shortly instead (the engine is still as written). Thread-safe: callers on any thread
 * block on {@link #call}. Failures: an engine refusal or a journal failure goes back to the caller
 * (a failed batch's failure to every caller in it), and nothing of a failed command is published;
 * the next call runs on an engine rebuilt from what the journal holds.
 *
 * <p>In the cluster ({@link RoutingOwnership}, issue 11) only the lease owner routes: on a standby
 * commands (also {@link #routeLater}), the engine's named reads ({@link #read}, {@link EngineRead}: a
 * contact, an agent, a position, a queue's status and configuration, every agent) and console snapshots are
 * handed to the owner over the bus ({@link CommandRelay}), other calls ({@link #call}) are refused with {@link NotRoutingHereException}
 * (503, retry on the owner); on a node that routes no more a command is refused the same way (it
 * fails alone, the rest of its batch goes on), and when the node takes the lease
 * over the engine is rebuilt from the shared journal exactly as at a restart (waits kept, offers in
 * flight back to the line). The fence is in the batch's one journal transaction: a batch fenced
 * off after the lease was lost rolls back, every command of it fails with {@link
 * NotRoutingHereException}, and routing stops here. Contacts that other nodes queued (intake or
 * webhooks that reached a standby) are picked up by the owner from the journal every second.
 */
@Context
public final class RoutingHost implements RouteContact {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingHost.class);
  private static final long CALL_TIMEOUT_SECONDS = 10;
  /** How often the cluster's owner looks for contacts queued by other nodes, and how old they must be. */
  private static final Duration QUEUED_ELSEWHERE_EVERY = Duration.ofSeconds(1);
  /** After an arrival's read from the journal failed, how long until it is read again. */
  private static final Duration ARRIVAL_RETRY = Duration.ofMillis(250);

  private final Vertx vertx;
  private final JdbcContactJournal journal;
  private final JdbcDirectory directory;
  private final JdbcRoutingRecord record;
  private final VertxEventPublisher events;
  /**
   * How often each queue's waiting contacts hear their position, in wall time: under a simulated
   * clock at N× the engine's interval is N × this, so a replayed day announces positions as often
   * per wall second as a real one (at 500× a 10-trace-second interval would be 600 announcement
   * rounds a wall second over 12 queues, each an event per waiting contact, crowding the one
   * routing context and the event loops the arrivals go through).
   */
  static final Duration POSITION_INTERVAL = Duration.ofSeconds(10);
  private static final Duration DEFAULT_HANDLE_TIME = Duration.ofMinutes(3);
  private final AgentSockets sockets;
  private final JournaledEngine routing;
  private final ServerTime time;
  private final InstantSource clock;
  private final OfferLatency latency;
  private final RoutingQueue queue;
  private long timer = -1;
  private Instant timerAt;
  private boolean rebuildScheduled;
  private final RoutingOwnership ownership;
  private final Counter rebuilds;
  private final Counter arrivalRetries;
  private final CommandRelay relay;
  private final HandedContacts handed;
  private final ArrivalReads arrivalReads;
  /** Confined to the routing context: this node's engine is the one routing (after its takeover). */
  private boolean routingHere;

  RoutingHost(Vertx vertx, JdbcContactJournal journal, JdbcDirectory directory, JdbcRoutingRecord record,
      VertxEventPublisher events, AgentSockets sockets, InstantSource clock, RandomGenerator random,
      ServerTime time, MeterRegistry registry, RoutingOwnership ownership, RoutingConnections connections,
      HandedContacts handed) {
    this.vertx = vertx;
    this.handed = handed;
    this.arrivalReads = new ArrivalReads(connections.readAhead(), connections::readAhead, journal::find, journal::findAll);
    this.ownership = ownership;
    this.time = time;
    this.clock = clock;
    this.latency = new OfferLatency(registry, time);
    this.journal = journal;
    this.directory = directory;
    this.record = record;
    this.events = events;
    this.sockets = sockets;
    this.relay = new CommandRelay(vertx);
    Duration positions = Duration.ofMillis(Math.round(POSITION_INTERVAL.toMillis() * time.speedup()));
    this.rebuilds = Counter.builder("onenumber.routing.rebuilds")
        .description("Routing engines rebuilt from the journal (start, takeover, after a failed write)")
        .register(registry);
    this.arrivalRetries = Counter.builder("onenumber.routing.arrival.retries")
        .description("Arrivals whose read from the journal failed and were queued again (the engine kept)")
        .register(registry);
    this.routing = new JournaledEngine(() -> new RoutingEngine(clock, random, positions, DEFAULT_HANDLE_TIME), record,
        (engine, decisions) -> {
          rebuilds.increment();
          publish(engine, decisions);
        });
    io.vertx.core.Context context = deployWorkerContext(vertx);
    this.queue = new RoutingQueue(task -> context.runOnContext(v -> connections.run(task)), routing, new Steps());
    ownership.whenChanged(owner -> queue.read(() -> roleChanged(owner)));
    if (ownership.owner()) {
      clockNotBehindJournal();
      call(e -> {
        routingHere = true;
        start();
        return null;
      });
      serveRelay();
    }
    if (ownership.clustered()) {
      vertx.setPeriodic(QUEUED_ELSEWHERE_EVERY.toMillis(), id -> queue.read(this::pickUpQueuedElsewhere));
    }
    events.observe(this::fromIntake);
  }

  /**
   * Runs {@code work} on the engine's context, once every command queued before it is written,
   * and waits for its result.
   */
  public <T> T call(Function<RoutingEngine, T> work) {
    return call(work, false);
  }

  /**
   * As {@link #call}, in the operators' lane: an operator's own view (after their login, their
   * work poll) runs ahead of the arrivals waiting for the context (issue 17).
   */
  public <T> T callForStaff(Function<RoutingEngine, T> work) {
    return call(work, true);
  }

  private <T> T call(Function<RoutingEngine, T> work, boolean staff) {
    CompletableFuture<T> result = new CompletableFuture<>();
    Runnable read = () -> {
      try {
        requireOwner();
        result.complete(work.apply(routing.engine()));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    };
    if (staff) {
      queue.readForStaff(read);
    } else {
      queue.read(read);
    }
    return await(result);
  }

  private static <T> T await(CompletableFuture<T> result) {
    try {
      return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LeaseLostException lost) {
        throw new NotRoutingHereException("this node lost the routing lease: " + lost.getMessage());
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingBusyException("interrupted while waiting for routing");
    } catch (TimeoutException e) {
      throw new RoutingBusyException("routing did not answer within " + CALL_TIMEOUT_SECONDS + " s");
    }
  }

  /** Runs {@code work} on the engine's context later, without waiting (for event-loop callers). */
  public void submit(java.util.function.Consumer<RoutingEngine> work) {
    queue.read(() -> {
      if (!ownership.owner()) {
        LOG.debug("routing task skipped: this node is a cluster standby");
        return;
      }
      work.accept(routing.engine());
    });
  }

  /**
   * Handles one command on the engine's context; journals (with the commands queued beside it),
   * publishes and pushes its decisions, then answers.
   */
  public Decisions handle(RoutingCommand command) {
    if (!routesHereOrAlone()) {
      return relay.forward(command); // a cluster standby: the owner routes it (CommandRelay)
    }
    return handleHere(command);
  }

  /** {@link #handle} on this node's engine (refused on a standby). */
  private Decisions handleHere(RoutingCommand command) {
    CompletableFuture<Decisions> result = new CompletableFuture<>();
    queue.add(new RoutingQueue.Answered(command, result));
    return await(result);
  }

  @Override
  public Decisions route(RoutingCommand command) {
    return handle(command);
  }

  /** A command nobody waits for; on a cluster standby handed to the owner over the bus (failures logged). */
  @Override
  public void routeLater(RoutingCommand command) {
    if (!routesHereOrAlone()) {
      relay.forwardLater(command);
      return;
    }
    queue.add(new Later(command));
  }

  /** A command nobody waits for: its refusal or failure is logged. */
  private record Later(RoutingCommand command) implements RoutingQueue.Command {
    @Override
    public void done(Decisions decisions, long startedNanos, long pushNanos) {
      if (decisions.refused() != null) {
        LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), decisions.refused());
      }
    }

    @Override
    public void failed(RuntimeException failure) {
      if (notHere(failure)) {
        LOG.info("routing did not take {} here: {}", command.getClass().getSimpleName(), failure.getMessage());
        return;
      }
      LOG.warn("routing failed {}", command.getClass().getSimpleName(), failure);
    }
  }

  /** The host's part of a batch: queues configured on first use, publication, recovery. */
  private final class Steps implements RoutingQueue.Host {
    @Override
    public void prepare(RoutingCommand command) {
      requireOwner();
      switch (command) {
        case RoutingCommand.Arrive a -> configured(a.contact().queue());
        case RoutingCommand.LogIn l -> l.queues().forEach(RoutingHost.this::configured);
        case RoutingCommand.Transfer t when t.toQueue() != null -> configured(t.toQueue());
        default -> { }
      }
    }

    @Override
    public void publish(Decisions decisions) {
      RoutingHost.this.publish(routing.engine(), decisions);
    }

    @Override
    public void recover() {
      rebuildSoon();
    }
  }

  /**
   * After a failure left the engine stale (the database is down): rebuild it from the journal in a
   * second, and again until that works, so that routing recovers by itself when the database
   * returns, even if no command comes in to trigger the rebuild.
   */
  private void rebuildSoon() {
    if (rebuildScheduled || !ownership.owner()) {
      return;
    }
    rebuildScheduled = true;
    vertx.setTimer(1000, id -> queue.read(() -> {
      rebuildScheduled = false;
      if (!routing.stale() || !ownership.owner()) {
        return;
      }
      try {
        LOG.info("routing rebuilt from the journal after a failure: {} waiting", routing.engine().waitingCount());
      } catch (RuntimeException e) {
        LOG.warn("routing could not be rebuilt yet: {}", e.getMessage());
        rebuildSoon();
      }
    }));
  }

  /** Queues created after start (the demo seed, the directory) are configured on first use. */
  private void configured(QueueId queue) {
    if (routing.engine().configuration(queue).isEmpty()) {
      directory.queue(queue).ifPresent(q -> {
        Decisions decisions = routing.handle(new RoutingCommand.Configure(record.configFor(q)));
        publish(routing.engine(), decisions);
      });
    }
  }

  /** Publishes what was written and pushes it to consoles; schedules the engine's next deadline. */
  private void publish(RoutingEngine engine, Decisions decisions) {
    decisions.events().forEach(events::publish);
    sockets.push(engine, decisions.events());
    reschedule(engine);
  }

  private void start() {
    RoutingEngine engine = routing.engine();
    LOG.info("routing rebuilt from the journal: {} waiting", engine.waitingCount());
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

  /** The simulated clock was started behind the journal (see {@link #clockNotBehindJournal}). */
  static final class ClockBehindJournalException extends IllegalStateException {
    ClockBehindJournalException(String message) {
      super(message);
    }
  }

  /** The engine's contact {@code id} (open contacts only), from the owner's engine on a cluster standby. */
  public Optional<Contact> contact(ContactId id) {
    return read(EngineRead.CONTACT, id.value());
  }

  /** As {@link #contact}, in the operators' lane ({@link EngineRead#CONTACT_FOR_STAFF}). */
  public Optional<Contact> contactForStaff(ContactId id) {
    return read(EngineRead.CONTACT_FOR_STAFF, id.value());
  }

  /** The engine's view of a logged-in agent, from the owner's engine on a cluster standby. */
  public Optional<AgentStatus> agent(AgentId id) {
    return read(EngineRead.AGENT, id.value());
  }

  /**
   * Reads the engine ({@code key} a contact, agent or queue id, or empty): here on the node that
   * routes (or alone), from the owner's engine over the bus on a cluster standby ({@link CommandRelay}).
   */
  public <T> T read(EngineRead<T> read, String key) {
    return routesHereOrAlone() ? readOnEngine(read, key) : relay.read(read, key);
  }

  /** Runs {@code read} on this node's engine, a staff read in the operators' lane. */
  private <T> T readOnEngine(EngineRead<T> read, String key) {
    return read.staff() ? callForStaff(engine -> read.on(engine, key)) : call(engine -> read.on(engine, key));
  }

  /** A relayed read, on the owner ({@link CommandRelay#READS}): its answer as wire bytes. */
  private byte[] readHere(String name, String key) {
    return answer(EngineRead.named(name).orElseThrow(() -> new IllegalArgumentException("no read " + name)), key);
  }

  private <T> byte[] answer(EngineRead<T> read, String key) {
    return read.write(readOnEngine(read, key));
  }

  private boolean routesHereOrAlone() {
    return ownership.owner() || !ownership.clustered();
  }

  /**
   * Sends {@code agent} their console {@code snapshot} frame (to their sockets on every node): from
   * this node's engine on the owner, else asked of the owner over the bus ({@link CommandRelay}).
   */
  public void snapshot(String agent) {
    if (routesHereOrAlone()) {
      submit(engine -> sockets.send(agent, AgentSockets.snapshot(engine, agent, clock.instant())));
    } else {
      relay.requestSnapshot(agent);
    }
  }

  /**
   * Serves the cluster's relayed commands and snapshot requests here (this node routes); once the
   * bus delivers them here, every logged-in agent gets a fresh snapshot: consoles connected to any
   * node catch up with the engine the takeover rebuilt.
   */
  private void serveRelay() {
    relay.serve(true, this::handleHere, this::snapshot, this::readHere).onComplete(done -> {
      if (ownership.clustered()) {
        submit(engine -> sockets.snapshotAll(engine, clock.instant()));
      }
    });
  }

  /** Refuses work on a node that does not route (a cluster standby, or it just lost the lease). */
  private void requireOwner() {
    if (!ownership.owner()) {
      throw new NotRoutingHereException("this node is a cluster standby; routing runs on the lease owner");
    }
  }

  /** A failure that only says routing is not this node's (a standby, or a batch fenced off): not an error here. */
  private static boolean notHere(RuntimeException failure) {
    return failure instanceof NotRoutingHereException || failure instanceof LeaseLostException;
  }

  /**
   * A read on the routing queue (after every command queued before it is written): the lease was
   * taken (rebuild the engine from the shared journal, as a restart does, and route) or lost
   * (forget the engine, its timer and the consoles; the next owner rebuilds).
   */
  private void roleChanged(boolean owner) {
    if (owner && !routingHere) {
      routingHere = true;
      long start = System.nanoTime();
      routing.distrust();
      try {
        int waiting = routing.engine().waitingCount();
        LOG.info("routing taken over: rebuilt from the journal in {} ms, {} waiting",
            (System.nanoTime() - start) / 1_000_000, waiting);
      } catch (RuntimeException e) {
        LOG.warn("routing could not be rebuilt on takeover yet: {}", e.getMessage());
        rebuildSoon();
      }
      serveRelay();
    } else if (!owner && routingHere) {
      routingHere = false;
      relay.serve(false, null, null, null);
      routing.distrust();
      sockets.closeAll();
      if (timer >= 0) {
        vertx.cancelTimer(timer);
        timer = -1;
        timerAt = null;
      }
      LOG.warn("routing stopped on this node: it no longer holds the routing lease");
    }
  }

  /**
   * A read on the routing queue: the cluster's owner routes contacts that a standby queued (intake
   * or a webhook that reached it). Every queued contact of the journal older than a second that the
   * engine does not hold is queued as an arrival (younger ones are still on their way from this
   * node's own intake).
   */
  private void pickUpQueuedElsewhere() {
    if (!ownership.owner() || routing.stale()) {
      return;
    }
    try {
      RoutingEngine engine = routing.engine();
      for (ContactId id : record.queuedBefore(clock.instant().minus(QUEUED_ELSEWHERE_EVERY))) {
        if (engine.contact(id).isEmpty()) {
          journal.find(id).ifPresent(contact -> {
            LOG.info("routing picked up contact {}, queued by another node", id);
            queue.add(new Later(new RoutingCommand.Arrive(contact)));
          });
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("routing could not pick up contacts queued elsewhere: {}", e.getMessage());
    }
  }

  /**
   * Intake journaled a new queued contact: hand it to routing (on intake's thread, right after its
   * commit: waiting for an event loop busy with the other listeners and the sockets was the arrival
   * → offer frame's tail). If the database fails on the way, the engine is rebuilt from the
   * journal, which holds the contact.
   */
  private void fromIntake(DomainEvent event) {
    if (event instanceof ContactStateChanged c && c.from() == ContactState.CREATED && c.to() == ContactState.QUEUED) {
      if (!ownership.owner() && ownership.clustered()) {
        arriveOnOwner(c.contact());
        return;
      }
      Arrival arrival = new Arrival(c, clock.instant(), System.nanoTime());
      arrival.readAhead();
      queue.add(arrival);
    }
  }

  /**
   * A standby's intake queued a contact: hand its arrival to the owner at once (it would otherwise pick
   * it up from the journal within a couple of seconds, which stays the fallback when this fails).
   */
  private void arriveOnOwner(ContactId contact) {
    Optional<Contact> given = handed.take(contact);
    vertx.executeBlocking(() -> given.or(() -> journal.find(contact))
            .map(c -> relay.forward(new RoutingCommand.Arrive(c))), false)
        .onFailure(e -> LOG.info("contact {} left to the owner's pick-up: {}", contact, e.getMessage()));
  }

  /**
   * A contact intake queued, read back from the journal and routed; timed when offered at once.
   * The read starts ahead of the arrival's turn when one of routing's few read-ahead places is
   * free ({@link ArrivalReads}, issue 17), so the routing context does not spend a query per
   * arrival while arrivals and operators wait behind it; the arrival keeps its place in the queue.
   * When it was not read ahead (no place free, not finished, or failed) the context reads it at
   * its turn, with the other arrivals still unread, in one statement. A contact its writer handed
   * over ({@link HandedContacts}: an Open311 filing) is not read at all.
   */
  private final class Arrival implements RoutingQueue.Command {
    private final ContactStateChanged queued;
    private final Instant receivedAt;
    private final long receivedNanos;
    private volatile ArrivalReads.Read read;

    Arrival(ContactStateChanged queued, Instant receivedAt, long receivedNanos) {
      this.queued = queued;
      this.receivedAt = receivedAt;
      this.receivedNanos = receivedNanos;
    }

    @Override
    public RoutingCommand command() {
      requireOwner(); // a standby leaves the journaled contact to the owner, which picks it up
      Optional<Contact> given = handed.take(queued.contact());
      if (given.isPresent()) {
        return new RoutingCommand.Arrive(given.get());
      }
      if (read == null) {
        read = arrivalReads.notAhead(queued.contact()); // its writer had handed it, then took it back
      }
      return arrivalReads.take(read).map(RoutingCommand.Arrive::new).orElse(null);
    }

    void readAhead() {
      if (!handed.holds(queued.contact())) {
        read = arrivalReads.start(queued.contact());
      }
    }

    @Override
    public void done(Decisions decisions, long startedNanos, long pushNanos) {
      if (decisions != null && offered(decisions, queued)) {
        latency.record(queued.at(), receivedAt, startedNanos - receivedNanos,
            System.nanoTime() - startedNanos - pushNanos, pushNanos);
      }
    }

    @Override
    public void failed(RuntimeException failure) {
      switch (failure) {
        case RuntimeException e when notHere(e) ->
            LOG.debug("contact {} is journaled; the cluster's owner routes it ({})", queued.contact(), e.getMessage());
        case RetriableException e when !routing.stale() -> {
          // only reading the contact failed (the engine is as written): read it again shortly
          LOG.warn("routing could not read contact {} yet ({}); trying again in {} ms", queued.contact(),
              e.getMessage(), ARRIVAL_RETRY.toMillis());
          arrivalRetries.increment();
          vertx.setTimer(ARRIVAL_RETRY.toMillis(), id -> queue.add(this));
        }
        case RetriableException e -> {
          // the batch's write failed: the engine is stale and its rebuild reads the contact from the journal
          LOG.warn("routing could not take contact {} yet ({}); rebuilding from the journal", queued.contact(),
              e.getMessage());
          rebuildSoon();
        }
        case IllegalTransitionException alreadyRouted ->
            LOG.debug("contact {} reached routing by a rebuild first", queued.contact());
        default -> LOG.error("routing refused contact {}", queued.contact(), failure);
      }
    }
  }

  private static boolean offered(Decisions decisions, ContactStateChanged arrival) {
    return decisions.events().stream().anyMatch(e -> e instanceof ContactStateChanged c
        && c.contact().equals(arrival.contact()) && c.to() == ContactState.OFFERED);
  }

  private void reschedule(RoutingEngine engine) {
    Instant next = engine.nextDeadline().orElse(null);
    if (next == null || (timerAt != null && !next.isBefore(timerAt) && timer >= 0)) {
      return;
    }
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    long delay = time.wallMillis(Duration.between(engine.now(), next));
    timerAt = next;
    timer = vertx.setTimer(delay, id -> {
      timer = -1;
      timerAt = null;
      if (ownership.owner()) {
        queue.add(new Tick());
      }
    });
  }

  /** The engine's deadline came: a tick; if it fails, another in a second. */
  private final class Tick implements RoutingQueue.Command {
    @Override
    public RoutingCommand command() {
      return new RoutingCommand.Tick();
    }

    @Override
    public void done(Decisions decisions, long startedNanos, long pushNanos) {
    }

    @Override
    public void failed(RuntimeException failure) {
      if (notHere(failure)) {
        LOG.info("routing timer stopped: {}", failure.getMessage());
        return;
      }
      LOG.error("routing timer failed", failure);
      retryTick();
    }
  }

  /** After a failed tick (the journal may be down): try again in a second, on a rebuilt engine. */
  private void retryTick() {
    timerAt = null;
    timer = vertx.setTimer(1000, id -> {
      timer = -1;
      if (ownership.owner()) {
        queue.add(new Tick());
      }
    });
  }

  @PreDestroy
  void stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
  }

  private static io.vertx.core.Context deployWorkerContext(Vertx vertx) {
    RoutingVerticle verticle = new RoutingVerticle();
    try {
      vertx.deployVerticle(verticle, new DeploymentOptions().setThreadingModel(ThreadingModel.WORKER))
          .toCompletionStage().toCompletableFuture().get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting routing", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("routing context did not start", e);
    }
    return verticle.context();
  }

  /** Holds the worker context Vert.x gives the routing engine. */
  private static final class RoutingVerticle extends VerticleBase {
    io.vertx.core.Context context() {
      return context;
    }

    @Override
    public Future<?> start() {
      return Future.succeededFuture();
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
