package org.onenumber.server.routing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Semaphore;
import java.util.function.BiFunction;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.cluster.JdbcRoutingLease.LeaseLostException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commands whose sender is gone and waits for nobody (a caller who hung up: Asterisk has closed the
 * FastAGI socket already), handed to routing at once and tried again until they are journaled
 * (issue 17: 2,177 hung-up calls held a session thread each in the NYC day while routing committed).
 * A try that fails for a reason that may pass — the database down, a batch fenced off by a lost
 * lease, no owner answering during a takeover, routing busy — is tried again after a back-off of
 * {@value #FIRST_RETRY_MS} ms doubling up to {@value #LAST_RETRY_MS} ms, on the partition's owner of
 * that moment; a refusal ({@link PermanentException}: the contact has ended already, the transition
 * is illegal) ends it, logged. Memory is bounded: at most {@code limit} commands are in flight, and a
 * sender finding them all taken waits for a place (back-pressure rather than loss).
 *
 * <p>Meters: {@code onenumber.routing.journaled.later.pending} (in flight now) and {@code
 * onenumber.routing.journaled.later.retries} (tries again). Thread-safe.
 */
final class UntilJournaled {

  private static final Logger LOG = LoggerFactory.getLogger(UntilJournaled.class);
  /** At most this many commands in flight on a node: a few hundred bytes each. */
  static final int LIMIT = 20_000;
  static final long FIRST_RETRY_MS = 250;
  static final long LAST_RETRY_MS = 5_000;

  /** Runs {@code retry} after {@code millis}, on a thread that may block briefly (a directory read). */
  interface Later {
    void after(long millis, Runnable retry);
  }

  private final BiFunction<RoutingCommand, CallClaim, CompletionStage<Decisions>> attempt;
  private final Later later;
  private final Semaphore places;
  private final int limit;
  private final Counter retries;

  /**
   * {@code attempt} makes one try without waiting for it (queued on the partition's context here, or
   * sent to its owner), written under the call's claim it is given (null: none); its stage completes once the
   * command is journaled, or fails.
   */
  UntilJournaled(BiFunction<RoutingCommand, CallClaim, CompletionStage<Decisions>> attempt, Later later, int limit,
      MeterRegistry registry) {
    this.attempt = attempt;
    this.later = later;
    this.limit = limit;
    this.places = new Semaphore(limit);
    this.retries = Counter.builder("onenumber.routing.journaled.later.retries")
        .description("Tries again of commands nobody waits for (a hung-up caller's abandon) after a retriable failure")
        .register(registry);
    Gauge.builder("onenumber.routing.journaled.later.pending", this, UntilJournaled::pending)
        .description("Commands nobody waits for, handed to routing and not yet journaled (or refused)")
        .register(registry);
  }

  /**
   * Hands {@code command} over and returns at once (unless {@link #LIMIT} are in flight: then waits
   * for a place). The stage completes with the decisions once journaled, or with the refusal that
   * ended it; never with a retriable failure.
   */
  CompletionStage<Decisions> hand(RoutingCommand command) {
    return hand(command, null);
  }

  /**
   * As {@link #hand(RoutingCommand)}, every try written under {@code claim} (a call's, {@link CallClaim}; null:
   * none): a stale claim is a refusal ({@link CallClaim.LostException}) and ends it.
   */
  CompletionStage<Decisions> hand(RoutingCommand command, CallClaim claim) {
    places.acquireUninterruptibly();
    CompletableFuture<Decisions> settled = new CompletableFuture<>();
    settled.whenComplete((d, e) -> places.release());
    attempt(command, claim, settled, 0);
    return settled;
  }

  /** Commands in flight now. */
  int pending() {
    return limit - places.availablePermits();
  }

  private void attempt(RoutingCommand command, CallClaim claim, CompletableFuture<Decisions> settled, int tries) {
    CompletionStage<Decisions> tried;
    try {
      tried = attempt.apply(command, claim);
    } catch (RuntimeException e) {
      tried = CompletableFuture.failedFuture(e);
    }
    tried.whenComplete((decisions, failure) -> {
      if (failure == null) {
        if (decisions != null && decisions.refused() != null) {
          LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), decisions.refused());
        }
        settled.complete(decisions);
        return;
      }
      Throwable cause = RouteContact.causeOf(failure);
      if (refusal(cause)) {
        LOG.debug("routing ended {} without it: {}", command.getClass().getSimpleName(), cause.getMessage());
        settled.completeExceptionally(cause);
        return;
      }
      retries.increment();
      long wait = Math.min(LAST_RETRY_MS, FIRST_RETRY_MS << Math.min(tries, 5));
      if (tries == 0 || tries % 20 == 0) {
        LOG.warn("routing could not journal {} yet (try {}): {}; trying again in {} ms",
            command.getClass().getSimpleName(), tries + 1, cause.getMessage(), wait);
      }
      later.after(wait, () -> attempt(command, claim, settled, tries + 1));
    });
  }

  /** A refusal ends the command; a lease lost in the middle of a batch is a takeover, tried on the next owner. */
  private static boolean refusal(Throwable failure) {
    return failure instanceof PermanentException && !(failure instanceof LeaseLostException);
  }
}
