package org.onenumber.server.routing;

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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
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
 * from HTTP, intake or a timer is handed to that context; decisions are journaled in one
 * transaction ({@link JournaledEngine}), then published on the event bus and pushed to agent
 * consoles; the engine's next deadline becomes a Vert.x timer. Deadlines are in server time;
 * {@link ServerTime} turns them into wall delays (trace time under a simulated clock). A contact
 * offered as it arrives is timed from arrival to the offer frame ({@link OfferLatency}). On start,
 * and after any failed write, the engine is rebuilt from the record (queue configurations, open
 * contacts, agent sessions). Thread-safe: callers on any thread block on {@link #call}. Failures:
 * an engine refusal or a journal failure goes back to the caller, and nothing of a failed command
 * is published; the next call runs on an engine rebuilt from what the journal holds.
 *
 * <p>In the cluster ({@link RoutingOwnership}, issue 11) only the lease owner routes: on a standby
 * every call is refused with {@link NotRoutingHereException} (503, retry on the owner), and when
 * the node takes the lease over the engine is rebuilt from the shared journal exactly as at a
 * restart (waits kept, offers in flight back to the line). A write fenced off after the lease was
 * lost rolls back and routing stops here. Contacts that other nodes queued (intake or webhooks that
 * reached a standby) are picked up by the owner from the journal every second.
 */
@Context
public final class RoutingHost implements RouteContact {

  private static final Logger LOG = LoggerFactory.getLogger(RoutingHost.class);
  private static final long CALL_TIMEOUT_SECONDS = 10;
  /** How often the cluster's owner looks for contacts queued by other nodes, and how old they must be. */
  private static final Duration QUEUED_ELSEWHERE_EVERY = Duration.ofSeconds(1);

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
  private final io.vertx.core.Context context;
  private final ServerTime time;
  private final InstantSource clock;
  private final OfferLatency latency;
  private long lastPushNanos;
  private long timer = -1;
  private Instant timerAt;
  private boolean rebuildScheduled;
  private final RoutingOwnership ownership;
  /** Confined to the routing context: this node's engine is the one routing (after its takeover). */
  private boolean routingHere;

  RoutingHost(Vertx vertx, JdbcContactJournal journal, JdbcDirectory directory, JdbcRoutingRecord record,
      VertxEventPublisher events, AgentSockets sockets, InstantSource clock, RandomGenerator random,
      ServerTime time, MeterRegistry registry, RoutingOwnership ownership) {
    this.vertx = vertx;
    this.ownership = ownership;
    this.time = time;
    this.clock = clock;
    this.latency = new OfferLatency(registry, time);
    this.journal = journal;
    this.directory = directory;
    this.record = record;
    this.events = events;
    this.sockets = sockets;
    Duration positions = Duration.ofMillis(Math.round(POSITION_INTERVAL.toMillis() * time.speedup()));
    this.routing = new JournaledEngine(() -> new RoutingEngine(clock, random, positions, DEFAULT_HANDLE_TIME), record,
        this::publish);
    this.context = deployWorkerContext(vertx);
    ownership.whenChanged(owner -> context.runOnContext(v -> roleChanged(owner)));
    if (ownership.owner()) {
      call(e -> {
        routingHere = true;
        start();
        return null;
      });
    }
    if (ownership.clustered()) {
      vertx.setPeriodic(QUEUED_ELSEWHERE_EVERY.toMillis(), id -> context.runOnContext(v -> pickUpQueuedElsewhere()));
    }
    events.subscribe(this::fromIntake);
  }

  /** Runs {@code work} on the engine's context and waits for its result. */
  public <T> T call(Function<RoutingEngine, T> work) {
    CompletableFuture<T> result = new CompletableFuture<>();
    context.runOnContext(v -> {
      try {
        requireOwner();
        result.complete(work.apply(routing.engine()));
      } catch (RuntimeException e) {
        result.completeExceptionally(e);
      }
    });
    try {
      return result.get(CALL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
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
    context.runOnContext(v -> {
      try {
        requireOwner();
        work.accept(routing.engine());
      } catch (NotRoutingHereException standby) {
        LOG.debug("routing task skipped: {}", standby.getMessage());
      } catch (RuntimeException e) {
        LOG.error("routing task failed", e);
      }
    });
  }

  /** Handles one command on the engine's context; journals, publishes and pushes its decisions. */
  public Decisions handle(RoutingCommand command) {
    return call(e -> apply(command));
  }

  @Override
  public Decisions route(RoutingCommand command) {
    return handle(command);
  }

  @Override
  public void routeLater(RoutingCommand command) {
    context.runOnContext(v -> {
      try {
        Decisions d = apply(command);
        if (d.refused() != null) {
          LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), d.refused());
        }
      } catch (RuntimeException e) {
        LOG.warn("routing failed {}", command.getClass().getSimpleName(), e);
      }
    });
  }

  private Decisions apply(RoutingCommand command) {
    requireOwner();
    switch (command) {
      case RoutingCommand.Arrive a -> configured(a.contact().queue());
      case RoutingCommand.LogIn l -> l.queues().forEach(this::configured);
      case RoutingCommand.Transfer t when t.toQueue() != null -> configured(t.toQueue());
      default -> { }
    }
    Decisions decisions;
    try {
      decisions = routing.handle(command);
    } catch (LeaseLostException lost) {
      throw new NotRoutingHereException("this node lost the routing lease: " + lost.getMessage());
    } catch (RuntimeException e) {
      if (routing.stale()) {
        rebuildSoon();
      }
      throw e;
    }
    publish(routing.engine(), decisions);
    return decisions;
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
    vertx.setTimer(1000, id -> {
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
    });
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
    long start = System.nanoTime();
    decisions.events().forEach(events::publish);
    sockets.push(engine, decisions.events());
    lastPushNanos = System.nanoTime() - start;
    reschedule(engine);
  }

  private void start() {
    RoutingEngine engine = routing.engine();
    LOG.info("routing rebuilt from the journal: {} waiting", engine.waitingCount());
  }

  /** False on a cluster standby: consoles and routing calls belong on the lease owner. */
  public boolean routesHere() {
    return ownership.owner();
  }

  /** Refuses work on a node that does not route (a cluster standby). */
  private void requireOwner() {
    if (!ownership.owner()) {
      throw new NotRoutingHereException("this node is a cluster standby; routing runs on the lease owner");
    }
  }

  /**
   * On the routing context: the lease was taken (rebuild the engine from the shared journal, as a
   * restart does, and route) or lost (forget the engine and its timer; the next owner rebuilds).
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
    } else if (!owner && routingHere) {
      routingHere = false;
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
   * The cluster's owner routes contacts that a standby queued (intake or a webhook that reached
   * it): every queued contact of the journal older than a second that the engine does not hold
   * arrives now (younger ones are still on their way from this node's own intake).
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
            apply(new RoutingCommand.Arrive(contact));
          });
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("routing could not pick up contacts queued elsewhere: {}", e.getMessage());
    }
  }

  /**
   * Intake journaled a new queued contact: hand it to routing (this runs on an event loop). If the
   * database fails on the way, the engine is rebuilt from the journal, which holds the contact.
   */
  private void fromIntake(DomainEvent event) {
    if (event instanceof ContactStateChanged c && c.from() == ContactState.CREATED && c.to() == ContactState.QUEUED) {
      Instant receivedAt = clock.instant();
      long receivedNanos = System.nanoTime();
      context.runOnContext(v -> {
        if (!ownership.owner()) {
          LOG.debug("standby: contact {} is journaled; the owner picks it up", c.contact());
          return;
        }
        try {
          long start = System.nanoTime();
          journal.find(c.contact()).ifPresent(contact -> {
            Decisions decisions = apply(new RoutingCommand.Arrive(contact));
            if (offered(decisions, c)) {
              latency.record(c.at(), receivedAt, start - receivedNanos, System.nanoTime() - start - lastPushNanos,
                  lastPushNanos);
            }
          });
        } catch (RetriableException e) {
          // the contact is in the journal, the engine may not have it: rebuild from the journal
          LOG.warn("routing could not take contact {} yet ({}); rebuilding from the journal", c.contact(),
              e.getMessage());
          routing.distrust();
          rebuildSoon();
        } catch (IllegalTransitionException alreadyRouted) {
          LOG.debug("contact {} reached routing by a rebuild first", c.contact());
        } catch (RuntimeException e) {
          LOG.error("routing refused contact {}", c.contact(), e);
        }
      });
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
      if (!ownership.owner()) {
        return;
      }
      try {
        apply(new RoutingCommand.Tick());
      } catch (RuntimeException e) {
        LOG.error("routing timer failed", e);
        retryTick();
      }
    });
  }

  /** After a failed tick (the journal may be down): try again in a second, on a rebuilt engine. */
  private void retryTick() {
    timerAt = null;
    timer = vertx.setTimer(1000, id -> {
      timer = -1;
      if (!ownership.owner()) {
        return;
      }
      try {
        apply(new RoutingCommand.Tick());
      } catch (RuntimeException e) {
        LOG.error("routing timer failed again", e);
        retryTick();
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
