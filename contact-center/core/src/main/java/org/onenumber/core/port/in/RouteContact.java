package org.onenumber.core.port.in;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;

/**
 * Hands a command to the routing engine, wherever it runs (the server runs it on one context and
 * journals its decisions). Channel adapters use it to report what happened on their channel.
 */
public interface RouteContact {

  /** Handles {@code command} and returns the engine's decisions; blocks the caller until then. */
  Decisions route(RoutingCommand command);

  /**
   * Hands {@code command} over and returns at once, for library callback threads that must never
   * block (Asterisk-Java's AMI reader, Netty's event loop); a refusal or failure is logged.
   */
  void routeLater(RoutingCommand command);

  /**
   * What a routing stage failed with: its cause when a dependent stage wrapped it in a {@link
   * CompletionException}, else {@code failure} itself.
   */
  static Throwable causeOf(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
  }

  /**
   * Hands over {@code command} whose sender is gone and waits for nobody (a caller who hung up: the
   * telephony side has closed the call already) and returns at once; routing tries it again until it
   * is journaled (a database outage, a takeover between two nodes), unless it is refused (the contact
   * had ended already). The stage completes with the decisions once journaled, or with the refusal;
   * never with a failure that may pass. A sender may keep what a restart needs (the carried call's
   * row) until then. By default {@link #route} on the caller's thread, for implementations that
   * journal nothing later (tests).
   */
  default CompletionStage<Decisions> routeUntilJournaled(RoutingCommand command) {
    try {
      return CompletableFuture.completedFuture(route(command));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
