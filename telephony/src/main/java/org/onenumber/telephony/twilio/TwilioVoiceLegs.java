package org.onenumber.telephony.twilio;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Call;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Phase;
import org.onenumber.telephony.twilio.VoicePrompts.Prompt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Twilio reports about the legs of a carried call, turned into routing commands. The cases:
 *
 * <ol>
 *   <li>The operator answers (the answer URL of the {@code <Number>}/{@code <Client>} runs on their
 *       leg): {@code Accept}; they hear a short whisper, then the caller is bridged.
 *   <li>The dial ends ({@code DialCallStatus} on the caller's leg): {@code no-answer}, {@code busy},
 *       {@code failed} or {@code canceled} → {@code Decline} and the caller is enqueued again at once
 *       (music, no silence; routing keeps their place); {@code completed}/{@code answered} → the
 *       operator hung up: {@code Accept} first if the answer URL never came, then {@code WrapUp}
 *       (resolved) and a goodbye to the caller.
 *   <li>The caller's leg ends (status callback {@code completed}, {@code busy}, {@code failed},
 *       {@code no-answer}, {@code canceled}): while waiting or ringing → {@code Abandon}; after an
 *       operator answered → {@code WrapUp}; during a callback not yet answered → {@code CallbackResult}
 *       not answered.
 *   <li>A callback's citizen answers → {@code CallbackResult} answered; the citizen's dial ends unanswered
 *       → {@code CallbackResult} not answered.
 *   <li>A report about a call this node does not carry, or a second report of the same end: empty TwiML.
 * </ol>
 *
 * Every routing command is handled (and journaled) before the TwiML is returned; a storage failure
 * ({@link RetriableException}) goes up so the webhook fails and Twilio retries. Thread-safe.
 */
public final class TwilioVoiceLegs {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioVoiceLegs.class);
  private static final Set<String> UNANSWERED = Set.of("no-answer", "busy", "failed", "canceled");
  private static final Set<String> ENDS = Set.of("completed", "busy", "failed", "no-answer", "canceled");
  private static final Set<Phase> TALKING = Set.of(Phase.CONNECTED, Phase.HELD, Phase.RECONNECTING, Phase.CONFERENCE);

  private final VoiceTwiml twiml;
  private final TwilioVoiceCalls calls;
  private final RouteContact routing;

  public TwilioVoiceLegs(VoiceTwiml twiml, TwilioVoiceCalls calls, RouteContact routing) {
    this.twiml = twiml;
    this.calls = calls;
    this.routing = routing;
  }

  /** The operator's leg answered (runs on that leg): accept, then whisper the caller's language. */
  public String answered(ContactId contact, AgentId agent) {
    Optional<Call> before = calls.move(contact, c -> agent.equals(c.agent())
        && (c.phase() == Phase.RINGING || c.phase() == Phase.RECONNECTING), c -> c.to(Phase.CONNECTED, agent));
    before.filter(c -> c.phase() == Phase.RINGING).ifPresent(c -> route(new RoutingCommand.Accept(agent, contact)));
    return twiml.whisper(before.map(Call::language).orElse(Language.KOREAN));
  }

  /** The {@code <Dial>} to an operator ended; runs on the caller's leg. */
  public String dialEnded(ContactId contact, AgentId agent, Map<String, String> form) {
    String status = form.getOrDefault("DialCallStatus", "");
    if (UNANSWERED.contains(status)) {
      return unanswered(contact, agent, status);
    }
    Optional<Call> before = calls.move(contact, c -> agent.equals(c.agent())
        && (c.phase() == Phase.RINGING || TALKING.contains(c.phase())), c -> c.to(Phase.ENDED, agent));
    if (before.isEmpty()) {
      return twiml.empty();
    }
    if (before.get().phase() == Phase.RINGING) {
      route(new RoutingCommand.Accept(agent, contact));
    }
    route(new RoutingCommand.WrapUp(contact, RoutingCommand.Outcome.RESOLVED));
    return twiml.goodbye(Prompt.GOODBYE, before.get().language());
  }

  private String unanswered(ContactId contact, AgentId agent, String status) {
    Optional<Call> ringing = calls.move(contact, Set.of(Phase.RINGING), Phase.WAITING, null);
    if (ringing.filter(c -> agent.equals(c.agent())).isPresent()) {
      route(new RoutingCommand.Decline(agent, contact, "twilio " + status));
      return twiml.enqueue(contact, ringing.get().queueName());
    }
    Optional<Call> reconnecting = calls.move(contact, Set.of(Phase.RECONNECTING), Phase.HELD, agent);
    if (reconnecting.isPresent()) {
      return twiml.hold(reconnecting.get().language());
    }
    return calls.byContact(contact).filter(c -> c.phase() == Phase.WAITING)
        .map(c -> twiml.enqueue(contact, c.queueName())).orElseGet(twiml::empty);
  }

  /** A status callback: the leg {@code CallSid} (or the outbound leg placed for {@code contact}) changed. */
  public String status(Map<String, String> form, ContactId contact) {
    if (!ENDS.contains(form.getOrDefault("CallStatus", ""))) {
      return twiml.empty();
    }
    Optional<Call> call = calls.bySid(form.get("CallSid")).or(() -> contact == null ? Optional.empty()
        : calls.byContact(contact));
    if (call.isEmpty()) {
      return twiml.empty();
    }
    ContactId id = call.get().contact();
    Optional<Call> before = calls.move(id, c -> c.phase() != Phase.ENDED, c -> c.to(Phase.ENDED, c.agent()));
    calls.close(id);
    before.ifPresent(c -> {
      switch (c.phase()) {
        case WAITING, RINGING -> route(new RoutingCommand.Abandon(id));
        case CALLBACK -> route(new RoutingCommand.CallbackResult(id, false));
        case ENDED -> { }
        default -> route(new RoutingCommand.WrapUp(id, RoutingCommand.Outcome.RESOLVED));
      }
    });
    return twiml.empty();
  }

  /** A callback's citizen answered (runs on the citizen's leg). */
  public String callbackAnswered(ContactId contact) {
    calls.move(contact, c -> c.phase() == Phase.CALLBACK, c -> c.to(Phase.CONNECTED, c.agent()))
        .ifPresent(c -> route(new RoutingCommand.CallbackResult(contact, true)));
    return twiml.empty();
  }

  /** A callback's dial to the citizen ended (runs on the operator's leg). */
  public String callbackEnded(ContactId contact, Map<String, String> form) {
    String status = form.getOrDefault("DialCallStatus", "");
    if (UNANSWERED.contains(status)) {
      calls.move(contact, Set.of(Phase.CALLBACK), Phase.ENDED, null)
          .ifPresent(c -> route(new RoutingCommand.CallbackResult(contact, false)));
    } else {
      calls.move(contact, c -> TALKING.contains(c.phase()), c -> c.to(Phase.ENDED, c.agent()))
          .ifPresent(c -> route(new RoutingCommand.WrapUp(contact, RoutingCommand.Outcome.RESOLVED)));
    }
    return twiml.goodbye(Prompt.GOODBYE, Language.KOREAN);
  }

  private void route(RoutingCommand command) {
    try {
      Decisions decisions = routing.route(command);
      if (decisions.isRefused()) {
        LOG.info("routing refused {}: {}", command.getClass().getSimpleName(), decisions.refused());
      }
    } catch (RetriableException e) {
      throw e;
    } catch (RuntimeException e) {
      LOG.warn("routing failed {}: {}", command.getClass().getSimpleName(), e.getMessage());
    }
  }
}
