package org.onenumber.server.routing;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.DeliveryOptions;
import io.vertx.core.eventbus.Message;
import io.vertx.core.eventbus.MessageConsumer;
import io.vertx.core.eventbus.ReplyException;
import io.vertx.core.eventbus.ReplyFailure;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.cluster.RoutingOwnership;
import org.onenumber.server.events.DomainEventWire;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing across the cluster's bus (issue 11): a standby hands its routing commands to the owner,
 * reads the owner's engine and asks it for consoles' snapshots, so operators and citizens may be
 * connected to any node.
 *
 * <ul>
 *   <li>{@value #COMMANDS}: request, body a {@link RoutingCommand} as {@link DomainEventWire} bytes
 *       (core records only, no Java serialization); the owner handles it exactly as its own (journaled
 *       in the batch, fenced by the lease, published, pushed) and replies the {@link Decisions} as
 *       wire bytes, or fails the request with an HTTP-like code (404, 409, 400, 503) and the
 *       failure's message (410 for a step whose call's claim another node took: {@link CallClaim.LostException}).
 *       A call's step handed under its home's claim ({@link CallClaim}) carries it in the headers {@value
 *       #CLAIM_CONTACT} and {@value #CLAIM}; the owner writes it under that claim. No reply within {@link #TIMEOUT} (no owner yet, a takeover
 *       under way) is a retriable failure: the caller answers 503 with retry-after or an
 *       {@code unavailable}/{@code error} frame, as during a database outage.
 *   <li>{@value #READS}: request, header {@code read} the name of an {@link EngineRead} ({@code contact},
 *       {@code contact-for-staff}, {@code agent}, {@code position}, {@code queue-status}, {@code configuration}, {@code configurations},
 *       {@code agents}), body its key (an id, or empty); the reply is the owner engine's answer as wire
 *       bytes (core records; empty when it holds none), an unknown name fails with 400.
 *   <li>{@value #SNAPSHOTS}: point to point, body an agent id; the owner sends that agent a
 *       {@code snapshot} frame, which reaches the agent's sockets on every node ({@link AgentSockets}).
 * </ul>
 * A relay is one routing partition's ({@code org.onenumber.core.routing.Partitions}): the default
 * partition's uses the three addresses above, another partition's the same with {@code .<partition>}
 * appended ({@link #address}), so that each partition's owner consumes its own.
 * Only the owner consumes the three addresses ({@link #serve}), so a request always goes to the node that
 * routes, and after a failover to the new one without the senders knowing which it is. Authorization
 * stays where the user was authenticated: the node that received the HTTP request or holds the socket
 * checks the principal (the same code as on the owner, against the same database) before it hands over a
 * command; the bus carries no credentials, and is trusted as a node is (see docs/integrate.md).
 * Thread-safe.
 */
final class CommandRelay {

  static final String COMMANDS = "onenumber.routing.commands";
  static final String SNAPSHOTS = "onenumber.routing.snapshots";
  static final String READS = "onenumber.routing.reads";
  private static final String READ = "read";
  static final String CLAIM = "claim";
  static final String CLAIM_CONTACT = "claim-contact";
  static final Duration TIMEOUT = Duration.ofSeconds(3);
  private static final Logger LOG = LoggerFactory.getLogger(CommandRelay.class);

  private final Vertx vertx;
  private final String commandsAddress;
  private final String snapshotsAddress;
  private final String readsAddress;
  /**
   * Where the owner runs relayed commands and reads (each blocks until its engine answered): a pool
   * of the relays' own, so that requests waiting for an engine never hold the Vert.x worker threads
   * the engines' contexts and other blocking work need (a node routing one partition while relaying
   * another stalled its own engine for 10 s when they did).
   */
  static final String WORKERS = "onenumber-routing-relay";
  private static final int WORKER_THREADS = 16;

  private final DeliveryOptions request = new DeliveryOptions().setSendTimeout(TIMEOUT.toMillis());
  private final WorkerExecutor workers;
  private MessageConsumer<Buffer> commands;
  private MessageConsumer<String> snapshots;
  private MessageConsumer<String> reads;

  CommandRelay(Vertx vertx) {
    this(vertx, RoutingOwnership.PARTITION);
  }

  /** The relay of routing partition {@code partition}. */
  CommandRelay(Vertx vertx, String partition) {
    this.vertx = vertx;
    this.workers = vertx.createSharedWorkerExecutor(WORKERS, WORKER_THREADS);
    this.commandsAddress = address(COMMANDS, partition);
    this.snapshotsAddress = address(SNAPSHOTS, partition);
    this.readsAddress = address(READS, partition);
  }

  /** {@code base} for the default partition, {@code base.<partition>} for another. */
  static String address(String base, String partition) {
    return RoutingOwnership.PARTITION.equals(partition) ? base : base + "." + partition;
  }

  /**
   * Serves (on the owner) or stops serving: {@code handle} runs a command here (blocking, it is run
   * off the event loop), {@code snapshot} sends an agent their snapshot. Completes once registered.
   */
  synchronized Future<Void> serve(boolean owner, BiFunction<RoutingCommand, CallClaim, Decisions> handle, Consumer<String> snapshot,
      BiFunction<String, String, byte[]> read) {
    if (!vertx.isClustered()) {
      return Future.succeededFuture();
    }
    if (!owner) {
      if (commands != null) {
        commands.unregister();
        snapshots.unregister();
        reads.unregister();
        commands = null;
        snapshots = null;
        reads = null;
      }
      return Future.succeededFuture();
    }
    if (commands == null) {
      commands = vertx.eventBus().consumer(commandsAddress, message -> answer(message, handle));
      snapshots = vertx.eventBus().consumer(snapshotsAddress, message -> snapshot.accept(message.body()));
      reads = vertx.eventBus().consumer(readsAddress, message -> workers.executeBlocking(() ->
          read.apply(message.headers().get(READ), message.body()), false).onComplete(done -> {
            if (done.failed()) {
              message.fail(done.cause() instanceof IllegalArgumentException ? 400 : 503,
                  String.valueOf(done.cause().getMessage()));
            } else {
              message.reply(Buffer.buffer(done.result()));
            }
          }));
    }
    return Future.all(commands.completion(), snapshots.completion(), reads.completion()).mapEmpty();
  }

  private void answer(Message<Buffer> message, BiFunction<RoutingCommand, CallClaim, Decisions> handle) {
    RoutingCommand command;
    CallClaim claim;
    try {
      command = DomainEventWire.readCore(message.body().getBytes(), RoutingCommand.class);
      claim = claimOf(message.headers());
    } catch (IllegalArgumentException e) {
      LOG.warn("refused a relayed routing command: {}", e.getMessage());
      message.fail(400, e.getMessage());
      return;
    }
    workers.executeBlocking(() -> handle.apply(command, claim), false).onComplete(done -> {
      if (done.succeeded()) {
        message.reply(Buffer.buffer(DomainEventWire.writeCore(done.result())));
        return;
      }
      Throwable failure = done.cause();
      int code = switch (failure) {
        case CallClaim.LostException e -> 410;
        case NotFoundException e -> 404;
        case IllegalTransitionException e -> 409;
        case PermanentException e -> 400;
        default -> 503;
      };
      if (code == 503 && !(failure instanceof OneNumberException)) {
        LOG.warn("relayed routing command {} failed", command.getClass().getSimpleName(), failure);
      }
      message.fail(code, String.valueOf(failure.getMessage()));
    });
  }

  /** Hands {@code command} to the owner and waits for its decisions (at most {@link #TIMEOUT}). */
  Decisions forward(RoutingCommand command) {
    return forward(command, null);
  }

  /** As {@link #forward(RoutingCommand)}, written under {@code claim} on the owner (null: none). */
  Decisions forward(RoutingCommand command, CallClaim claim) {
    return decisions(ask(commandsAddress, wire(command), claimed(request, claim)));
  }

  /** {@code options} with {@code claim} in the headers {@value #CLAIM_CONTACT} and {@value #CLAIM} (none: as they are). */
  static DeliveryOptions claimed(DeliveryOptions options, CallClaim claim) {
    return claim == null ? options : new DeliveryOptions(options).addHeader(CLAIM_CONTACT, claim.contact().value())
        .addHeader(CLAIM, claim.claim());
  }

  /** The claim a relayed command's headers carry, or null; a contact without a valid claim is refused (400). */
  static CallClaim claimOf(MultiMap headers) {
    String contact = headers.get(CLAIM_CONTACT);
    return contact == null ? null : new CallClaim(new ContactId(contact), headers.get(CLAIM));
  }

  /**
   * Hands {@code command} to the owner without waiting: the stage completes with its decisions, or
   * fails as {@link #forward} would throw (no owner within {@link #TIMEOUT}: retriable); written under {@code
   * claim} on the owner when not null.
   */
  CompletionStage<Decisions> forwardAsync(RoutingCommand command, CallClaim claim) {
    return vertx.eventBus().<Buffer>request(commandsAddress, wire(command), claimed(request, claim)).toCompletionStage()
        .handle((reply, failure) -> {
          if (failure != null) {
            throw refusal(failure);
          }
          return decisions(reply.body());
        });
  }

  private static Buffer wire(RoutingCommand command) {
    return Buffer.buffer(DomainEventWire.writeCore((Record) command));
  }

  private static Decisions decisions(Buffer reply) {
    return DomainEventWire.readCore(reply.getBytes(), Decisions.class);
  }

  /** Runs {@code read} with {@code key} on the owner's engine (at most {@link #TIMEOUT}). */
  <T> T read(EngineRead<T> read, String key) {
    Buffer reply = ask(readsAddress, key == null ? "" : key, new DeliveryOptions(request).addHeader(READ, read.name()));
    return read.read(reply.getBytes());
  }

  /**
   * Hands {@code command} to the owner without waiting (a standby's {@code routeLater}: telephony's
   * breaks around a guest's call); a refusal or no owner is logged, as the owner logs its own.
   */
  void forwardLater(RoutingCommand command) {
    vertx.eventBus().request(commandsAddress, wire(command), request)
        .onFailure(e -> LOG.info("the routing owner did not take {}: {}", command.getClass().getSimpleName(),
            e.getMessage()));
  }

  private Buffer ask(String address, Object body, DeliveryOptions options) {
    try {
      return vertx.eventBus().<Buffer>request(address, body, options).toCompletionStage().toCompletableFuture()
          .get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS).body();
    } catch (ExecutionException e) {
      throw refusal(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RoutingHost.RoutingBusyException("interrupted while waiting for the routing owner");
    } catch (TimeoutException e) {
      throw new RoutingHost.RoutingBusyException("the routing owner did not answer within " + TIMEOUT.toSeconds() + " s");
    }
  }

  /** Asks the owner to send {@code agent} their snapshot; lost (and logged) when no node routes now. */
  void requestSnapshot(String agent) {
    vertx.eventBus().request(snapshotsAddress, agent, request).onFailure(e -> {
      if (!(e instanceof ReplyException r && r.failureType() == ReplyFailure.TIMEOUT)) {
        LOG.info("no snapshot for {} yet: {} (the next owner sends one after its takeover)", agent, e.getMessage());
      }
    });
  }

  static RuntimeException refusal(Throwable failure) {
    if (!(failure instanceof ReplyException reply) || reply.failureType() != ReplyFailure.RECIPIENT_FAILURE) {
      return new RoutingHost.RoutingBusyException("no routing owner answered: " + failure.getMessage());
    }
    String message = String.valueOf(reply.getMessage());
    return switch (reply.failureCode()) {
      case 410 -> new CallClaim.LostException(message);
      case 404 -> new RelayedRefusal("not_found", message);
      case 409 -> new RelayedRefusal("illegal_transition", message);
      case 400 -> new InvalidInputException(message);
      default -> new RoutingHost.RoutingBusyException(message);
    };
  }

  /** The owner refused a relayed command (404 or 409 on the owner, the same here). */
  static final class RelayedRefusal extends PermanentException {
    RelayedRefusal(String code, String message) {
      super(code, message);
    }
  }
}
