package org.onenumber.server.routing;

import io.micrometer.core.instrument.Counter;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Future;
import io.vertx.core.ThreadingModel;
import io.vertx.core.Vertx;
import io.vertx.core.VerticleBase;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.Partitions;
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
 * One routing partition's engine on this node (issue 11, {@link Partitions}; with no partition
 * configured the one partition {@link RoutingOwnership#PARTITION} of every queue): a {@link
 * JournaledEngine} over the partition's part of the record ({@link PartitionRecord}), run on a
 * Vert.x worker context of its own (serial, may block on JDBC) through a {@link RoutingQueue}: the
 * commands that queued up while it was busy are applied together and journaled in one transaction
 * fenced by the partition's lease, then published, pushed to consoles and answered; the engine's
 * next deadline becomes a Vert.x timer. On start, on taking the partition's lease over and after a
 * failed write the engine is rebuilt from the shared journal (waits kept, offers in flight back to
 * the line); on losing the lease it is forgotten, with its timer and the consoles, and its relay
 * ({@link CommandRelay} of the partition) stops serving. While this node holds the partition it
 * picks up, every second, the contacts of its queues that other nodes queued. Thread-safe: callers
 * on any thread block on {@link #call}; the rest is confined to the context. {@link RoutingHost}
 * picks the partition of each command and read.
 */
final class RoutingPartition {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingPartition.class);
  static final long CALL_TIMEOUT_SECONDS = 10;
  /** How often a partition's owner looks for contacts queued by other nodes, and how old they must be. */
  private static final Duration QUEUED_ELSEWHERE_EVERY = Duration.ofSeconds(1);
  /** After an arrival's read from the journal failed, how long until it is read again. */
  private static final Duration ARRIVAL_RETRY = Duration.ofMillis(250);
  /** How long the server's start tries the engine's first build again ({@link #buildFirst}), and the first pause. */
  private static final Duration FIRST_BUILD_PATIENCE = Duration.ofSeconds(60);
  private static final Duration FIRST_BUILD_RETRY = Duration.ofMillis(250);
  private static final Duration DEFAULT_HANDLE_TIME = Duration.ofMinutes(3);

  /** What every partition of a node shares: the node's services and meters. */
  record Wiring(Vertx vertx, JdbcContactJournal journal, JdbcDirectory directory, JdbcRoutingRecord record,
      VertxEventPublisher events, AgentSockets sockets, InstantSource clock, RandomGenerator random,
      ServerTime time, OfferLatency latency, Counter rebuilds, Counter arrivalRetries, RoutingOwnership ownership,
      RoutingConnections connections, HandedContacts handed, Partitions partitions) {
  }

  private final String name;
  private final Wiring w;
  private final JournaledEngine routing;
  private final RoutingQueue queue;
  private final CommandRelay relay;
  private final ArrivalReads arrivalReads;
  private long timer = -1;
  private long pickUp = -1;
  private Instant timerAt;
  private boolean rebuildScheduled;
  /** Confined to the routing context: this node's engine is the one routing the partition (after its takeover). */
  private boolean routingHere;

  RoutingPartition(String name, Wiring w) {
    this.name = name;
    this.w = w;
    this.relay = new CommandRelay(w.vertx(), name);
    this.arrivalReads = new ArrivalReads(w.connections().readAhead(), w.connections()::readAhead,
        w.journal()::find, w.journal()::findAll, ahead -> w.latency().read(ahead));
    Duration positions = Duration.ofMillis(Math.round(RoutingHost.POSITION_INTERVAL.toMillis() * w.time().speedup()));
    RoutingRecord record = w.partitions().configured() ? new PartitionRecord(w.record(), w.partitions(), name) : w.record();
    this.routing = new JournaledEngine(() -> new RoutingEngine(w.clock(), w.random(), positions, DEFAULT_HANDLE_TIME),
        record, (engine, decisions) -> {
          w.rebuilds().increment();
          publish(engine, decisions);
        });
    io.vertx.core.Context context = deployWorkerContext(w.vertx());
    this.queue = new RoutingQueue(task -> context.runOnContext(v -> w.connections().run(task)), routing, new Steps());
  }

  /** Starts routing here when this node holds the partition, and follows its lease from now on. */
  void start() {
    w.ownership().whenChanged(name, owner -> queue.read(() -> roleChanged(owner)));
    if (owner()) {
      buildFirst();
      serveRelay();
    }
    if (w.ownership().clustered()) {
      pickUp = w.vertx().setPeriodic(QUEUED_ELSEWHERE_EVERY.toMillis(), id -> queue.read(this::pickUpQueuedElsewhere));
    }
  }

  /**
   * The engine's first build from the journal, tried again for up to {@link #FIRST_BUILD_PATIENCE}
   * while the database answers "try again" (a row lock held past H2's lock timeout on a loaded
   * machine after a crash, a database still starting, routing busy past {@link #CALL_TIMEOUT_SECONDS}):
   * the server comes up once routing holds the journal's waiting line, instead of failing to start
   * on the first such answer. A later failure is a rebuild's, as after any failed write.
   */
  private void buildFirst() {
    long deadline = System.nanoTime() + FIRST_BUILD_PATIENCE.toNanos();
    for (long pause = FIRST_BUILD_RETRY.toMillis(); ; pause = Math.min(2 * pause, 2_000)) {
      try {
        call(e -> {
          routingHere = true;
          LOG.info("routing partition {} rebuilt from the journal: {} waiting", name, e.waitingCount());
          return null;
        }, false);
        return;
      } catch (RetriableException e) {
        if (!owner() || System.nanoTime() - deadline > 0) {
          throw e;
        }
        LOG.warn("routing partition {} could not be rebuilt from the journal yet ({}); trying again in {} ms", name,
            e.getMessage(), pause);
        try {
          Thread.sleep(pause);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  String name() {
    return name;
  }

  /** Items waiting for this partition's context here, in the operators' lane or the other ({@link RoutingQueue}). */
  int queued(boolean staffLane) {
    return queue.queued(staffLane);
  }

  /** True while this node may route the partition (always on one node alone). */
  boolean owner() {
    return w.ownership().owner(name);
  }

  /** True when commands and reads of the partition run here: this node holds it, or it runs alone. */
  boolean routesHereOrAlone() {
    return owner() || !w.ownership().clustered();
  }

  CommandRelay relay() {
    return relay;
  }

  /** Runs {@code work} on the engine's context once every command queued before it is written, and waits. */
  <T> T call(Function<RoutingEngine, T> work, boolean staff) {
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

  static <T> T await(CompletableFuture<T> result) {
    try {
      return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof LeaseLostException lost) {
        throw new RoutingHost.NotRoutingHereException("this node lost the routing lease: " + lost.getMessage());
      }
      throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingHost.RoutingBusyException("interrupted while waiting for routing");
    } catch (TimeoutException e) {
      throw new RoutingHost.RoutingBusyException("routing did not answer within " + CALL_TIMEOUT_SECONDS + " s");
    }
  }

  /** Runs {@code work} on the engine's context later, without waiting; skipped unless this node routes the partition. */
  void submit(Consumer<RoutingEngine> work) {
    queue.read(() -> {
      if (!owner()) {
        LOG.debug("routing task skipped: this node does not route partition {}", name);
        return;
      }
      work.accept(routing.engine());
    });
  }

  /** Handles one command on this node's engine (refused when it does not route the partition). */
  Decisions handleHere(RoutingCommand command) {
    return handleHere(command, null);
  }

  /** As {@link #handleHere(RoutingCommand)}, written under a call's claim when {@code claim} is not null. */
  Decisions handleHere(RoutingCommand command, CallClaim claim) {
    return await(handleLater(command, claim));
  }

  /**
   * Queues one command on this node's engine without waiting, under a call's claim when {@code claim} is not
   * null ({@link RoutingQueue}'s case 5): the future completes once it is journaled, or fails.
   */
  CompletableFuture<Decisions> handleLater(RoutingCommand command, CallClaim claim) {
    CompletableFuture<Decisions> result = new CompletableFuture<>();
    queue.add(new RoutingQueue.Answered(command, claim, result));
    return result;
  }

  /** A command nobody waits for, on this node's engine. */
  void later(RoutingCommand command) {
    queue.add(new Later(command));
  }

  /** Runs {@code read} on this node's engine, a staff read in the operators' lane. */
  <T> T readOnEngine(EngineRead<T> read, String key) {
    return call(engine -> read.on(engine, key), read.staff());
  }

  /** A relayed read, on the owner ({@link CommandRelay#READS}): its answer as wire bytes. */
  private byte[] readHere(String read, String key) {
    return answer(EngineRead.named(read).orElseThrow(() -> new IllegalArgumentException("no read " + read)), key);
  }

  private <T> byte[] answer(EngineRead<T> read, String key) {
    return read.write(readOnEngine(read, key));
  }

  /** Sends {@code agent} their console snapshot from this node's engine. */
  void snapshotHere(String agent) {
    submit(engine -> w.sockets().send(agent, AgentSockets.snapshot(engine, agent, w.clock().instant())));
  }

  /** Intake journaled a new queued contact of this partition's queues: route it here. */
  void arrive(ContactStateChanged queued) {
    Arrival arrival = new Arrival(queued, w.clock().instant(), System.nanoTime());
    arrival.readAhead();
    queue.add(arrival);
  }

  /** True when {@code queueId} is one of this partition's queues. */
  boolean holds(QueueId queueId) {
    return w.partitions().of(queueId).equals(name);
  }

  /**
   * Serves the partition's relayed commands and snapshot requests here (this node routes it); once
   * the bus delivers them here, every logged-in agent gets a fresh snapshot: consoles connected to
   * any node catch up with the engine the takeover rebuilt.
   */
  private void serveRelay() {
    relay.serve(true, this::handleHere, this::snapshotHere, this::readHere).onComplete(done -> {
      if (w.ownership().clustered()) {
        submit(engine -> w.sockets().snapshotAll(engine, w.clock().instant()));
      }
    });
  }

  private void requireOwner() {
    if (!owner()) {
      throw new RoutingHost.NotRoutingHereException("this node does not route partition " + name
          + "; routing runs on its lease owner");
    }
  }

  /** A failure that only says routing is not this node's (a standby, or a batch fenced off): not an error here. */
  static boolean notHere(RuntimeException failure) {
    return failure instanceof RoutingHost.NotRoutingHereException || failure instanceof LeaseLostException;
  }

  /**
   * A read on the routing queue: the partition's lease was taken (rebuild the engine from the
   * shared journal, as a restart does, and route) or lost (forget the engine, its timer and the
   * consoles; the next owner rebuilds).
   */
  private void roleChanged(boolean owner) {
    if (owner && !routingHere) {
      routingHere = true;
      long start = System.nanoTime();
      routing.distrust();
      try {
        int waiting = routing.engine().waitingCount();
        LOG.info("routing partition {} taken over: rebuilt from the journal in {} ms, {} waiting", name,
            (System.nanoTime() - start) / 1_000_000, waiting);
      } catch (RuntimeException e) {
        LOG.warn("routing partition {} could not be rebuilt on takeover yet: {}", name, e.getMessage());
        rebuildSoon();
      }
      serveRelay();
    } else if (!owner && routingHere) {
      routingHere = false;
      relay.serve(false, null, null, null);
      routing.distrust();
      if (!w.partitions().configured()) {
        w.sockets().closeAll(); // consoles reconnect to the owner; with partitions its takeover sends their snapshots
      }
      cancelTimer();
      LOG.warn("routing partition {} stopped on this node: it no longer holds its lease", name);
    }
  }

  /**
   * A read on the routing queue: the partition's owner routes contacts of its queues that another
   * node queued (intake or a webhook that reached it). Every queued contact of the journal older
   * than a second in one of its queues that the engine does not hold is queued as an arrival
   * (younger ones are still on their way from this node's own intake).
   */
  private void pickUpQueuedElsewhere() {
    if (!owner() || routing.stale()) {
      return;
    }
    try {
      RoutingEngine engine = routing.engine();
      w.record().queuedBefore(w.clock().instant().minus(QUEUED_ELSEWHERE_EVERY)).forEach((id, queueId) -> {
        if (holds(queueId) && engine.contact(id).isEmpty()) {
          w.journal().find(id).ifPresent(contact -> {
            LOG.info("routing partition {} picked up contact {}, queued by another node", name, id);
            queue.add(new Later(new RoutingCommand.Arrive(contact)));
          });
        }
      });
    } catch (RuntimeException e) {
      LOG.warn("routing partition {} could not pick up contacts queued elsewhere: {}", name, e.getMessage());
    }
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

  /** The partition's part of a batch: queues configured on first use, publication, recovery. */
  private final class Steps implements RoutingQueue.Host {
    @Override
    public void prepare(RoutingCommand command) {
      requireOwner();
      switch (command) {
        case RoutingCommand.Arrive a -> configured(a.contact().queue());
        case RoutingCommand.LogIn l -> l.queues().forEach(RoutingPartition.this::configured);
        case RoutingCommand.Transfer t when t.toQueue() != null -> configured(t.toQueue());
        default -> { }
      }
    }

    @Override
    public void publish(Decisions decisions) {
      RoutingPartition.this.publish(routing.engine(), decisions);
    }

    @Override
    public void recover() {
      rebuildSoon();
    }

    @Override
    public void written(int commands, long applyNanos, long commitNanos, long publishNanos) {
      w.latency().batch(commands, applyNanos, commitNanos, publishNanos);
    }
  }

  /**
   * After a failure left the engine stale (the database is down): rebuild it from the journal in a
   * second, and again until that works, so that routing recovers by itself when the database
   * returns, even if no command comes in to trigger the rebuild.
   */
  private void rebuildSoon() {
    if (rebuildScheduled || !owner()) {
      return;
    }
    rebuildScheduled = true;
    w.vertx().setTimer(1000, id -> queue.read(() -> {
      rebuildScheduled = false;
      if (!routing.stale() || !owner()) {
        return;
      }
      try {
        LOG.info("routing partition {} rebuilt from the journal after a failure: {} waiting", name,
            routing.engine().waitingCount());
      } catch (RuntimeException e) {
        LOG.warn("routing partition {} could not be rebuilt yet: {}", name, e.getMessage());
        rebuildSoon();
      }
    }));
  }

  /** Queues created after start (the demo seed, the directory) are configured on first use. */
  private void configured(QueueId queueId) {
    if (routing.engine().configuration(queueId).isEmpty()) {
      w.directory().queue(queueId).ifPresent(q -> {
        Decisions decisions = routing.handle(new RoutingCommand.Configure(w.record().configFor(q)));
        publish(routing.engine(), decisions);
      });
    }
  }

  /** Publishes what was written and pushes it to consoles; schedules the engine's next deadline. */
  private void publish(RoutingEngine engine, Decisions decisions) {
    decisions.events().forEach(w.events()::publish);
    w.sockets().push(engine, decisions.events());
    reschedule(engine);
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
      Optional<Contact> given = w.handed().take(queued.contact());
      if (given.isPresent()) {
        w.latency().handed();
        return new RoutingCommand.Arrive(given.get());
      }
      if (read == null) {
        read = arrivalReads.notAhead(queued.contact()); // its writer had handed it, then took it back
      }
      return arrivalReads.take(read).map(RoutingCommand.Arrive::new).orElse(null);
    }

    void readAhead() {
      if (!w.handed().holds(queued.contact())) {
        read = arrivalReads.start(queued.contact());
      }
    }

    @Override
    public void done(Decisions decisions, long startedNanos, long pushNanos) {
      if (decisions != null && offered(decisions, queued)) {
        w.latency().record(queued.at(), receivedAt, startedNanos - receivedNanos,
            System.nanoTime() - startedNanos - pushNanos, pushNanos);
      }
    }

    @Override
    public void failed(RuntimeException failure) {
      switch (failure) {
        case RuntimeException e when notHere(e) ->
            LOG.debug("contact {} is journaled; the partition's owner routes it ({})", queued.contact(), e.getMessage());
        case RetriableException e when !routing.stale() -> {
          // only reading the contact failed (the engine is as written): read it again shortly
          LOG.warn("routing could not read contact {} yet ({}); trying again in {} ms", queued.contact(),
              e.getMessage(), ARRIVAL_RETRY.toMillis());
          w.arrivalRetries().increment();
          w.vertx().setTimer(ARRIVAL_RETRY.toMillis(), id -> queue.add(this));
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
      w.vertx().cancelTimer(timer);
    }
    long delay = w.time().wallMillis(Duration.between(engine.now(), next));
    timerAt = next;
    timer = w.vertx().setTimer(delay, id -> {
      timer = -1;
      timerAt = null;
      if (owner()) {
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
        LOG.info("routing timer of partition {} stopped: {}", name, failure.getMessage());
        return;
      }
      LOG.error("routing timer of partition {} failed", name, failure);
      retryTick();
    }
  }

  /** After a failed tick (the journal may be down): try again in a second, on a rebuilt engine. */
  private void retryTick() {
    timerAt = null;
    timer = w.vertx().setTimer(1000, id -> {
      timer = -1;
      if (owner()) {
        queue.add(new Tick());
      }
    });
  }

  /** The server stops: no more ticks or pick-ups. */
  void stop() {
    if (pickUp >= 0) {
      w.vertx().cancelTimer(pickUp);
    }
    cancelTimer();
  }

  private void cancelTimer() {
    if (timer >= 0) {
      w.vertx().cancelTimer(timer);
      timer = -1;
      timerAt = null;
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
}
