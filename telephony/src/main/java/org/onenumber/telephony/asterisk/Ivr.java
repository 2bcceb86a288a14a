package org.onenumber.telephony.asterisk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.port.in.OpenContact;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every FastAGI session needs from the rest of the center: intake and routing (core's
 * inbound ports), the operators' devices, the registry of carried calls, remembered languages, the
 * SMS gateway (for the sign-language link and texted answers), the settings and the self-service
 * topics ({@link ServeSelf#NONE}: no topic menu). Thread-safe if its parts are.
 */
public record Ivr(OpenContact intake, RouteContact routing, AgentDevices devices, AsteriskCalls calls,
    CallerLanguages languages, MessageGateway sms, CallerNumbers numbers, IvrSettings settings, ServeSelf selfService) {

  private static final Logger LOG = LoggerFactory.getLogger(Ivr.class);

  public Ivr {
    Objects.requireNonNull(intake, "intake");
    Objects.requireNonNull(routing, "routing");
    Objects.requireNonNull(devices, "devices");
    Objects.requireNonNull(calls, "calls");
    Objects.requireNonNull(languages, "languages");
    Objects.requireNonNull(sms, "sms");
    Objects.requireNonNull(numbers, "numbers");
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(selfService, "selfService");
  }

  /** An IVR without a topic menu (no self-service answers). */
  public Ivr(OpenContact intake, RouteContact routing, AgentDevices devices, AsteriskCalls calls,
      CallerLanguages languages, MessageGateway sms, CallerNumbers numbers, IvrSettings settings) {
    this(intake, routing, devices, calls, languages, sms, numbers, settings, ServeSelf.NONE);
  }

  /**
   * Tells routing what happened on the call and returns true when it agreed. A refusal (the
   * operator already wrapped up, the offer already expired) or a failure is logged, never thrown:
   * the call goes on either way. A contact routing no longer has (the operator's wrap-up or close
   * ended it first: both sides end a connected call) is the expected race, logged at debug.
   */
  boolean tell(RoutingCommand command) {
    try {
      Decisions decisions = routing.route(command);
      if (decisions.isRefused()) {
        LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), decisions.refused());
        return false;
      }
      return true;
    } catch (RuntimeException e) {
      if (e instanceof OneNumberException refusal && "not_found".equals(refusal.code())
          && (command instanceof RoutingCommand.WrapUp || command instanceof RoutingCommand.Close)) {
        LOG.debug("routing already ended the contact: {} {}", command.getClass().getSimpleName(), e.getMessage());
        return false;
      }
      LOG.warn("routing failed {}: {}", command.getClass().getSimpleName(), e.getMessage());
      return false;
    }
  }

  /**
   * Tells routing and waits for the command's definite end, however long it takes: true once it is
   * journaled, false when routing refused it (logged). A slow commit is not taken for a refusal:
   * {@code route} gives up waiting after 10 s ("routing busy", an H2 stall) while the command stays
   * queued and may still be journaled, so the command is handed over with {@link
   * RouteContact#routeUntilJournaled} (tried again until journaled or refused), and that end is what
   * counts. Not settled after {@code reportEvery}: logged (warn) and waited for again; before, a
   * command not settled within 60 s was taken for a refusal while routing could still journal it.
   * Interrupted (the server stopping): false, and the restart's sweep ends the call.
   */
  boolean tellUntilJournaled(RoutingCommand command, Duration reportEvery) {
    CompletableFuture<Decisions> verdict = routing.routeUntilJournaled(command).toCompletableFuture();
    Duration waited = Duration.ZERO;
    while (true) {
      try {
        Decisions decisions = verdict.get(reportEvery.toMillis(), TimeUnit.MILLISECONDS);
        if (decisions.isRefused()) {
          LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), decisions.refused());
          return false;
        }
        return true;
      } catch (ExecutionException e) {
        LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), RouteContact.causeOf(e).getMessage());
        return false;
      } catch (TimeoutException e) {
        waited = waited.plus(reportEvery);
        LOG.warn("routing has not journaled or refused {} after {}; still waiting for its verdict",
            command.getClass().getSimpleName(), waited);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }

  /**
   * Tells routing how a call ended when nobody waits for the answer (the caller hung up, or the
   * session is hanging up): handed over at once ({@link RouteContact#routeUntilJournaled}), tried
   * again by routing until journaled. The stage completes when it is journaled or refused (logged:
   * a contact routing no longer has is the expected race), never with a failure.
   */
  CompletionStage<Void> tellLater(RoutingCommand command) {
    return routing.routeUntilJournaled(command).handle((decisions, failure) -> {
      if (failure != null) {
        Throwable cause = RouteContact.causeOf(failure);
        if (cause instanceof OneNumberException refusal && "not_found".equals(refusal.code())) {
          LOG.debug("routing already ended the contact: {} {}", command.getClass().getSimpleName(), cause.getMessage());
        } else {
          LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), cause.getMessage());
        }
      }
      return null;
    });
  }
}
