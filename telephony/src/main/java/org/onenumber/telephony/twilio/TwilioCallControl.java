package org.onenumber.telephony.twilio;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.OutboundCall;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Call;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallControl} on Twilio: every control updates the caller's live leg with new TwiML through
 * the Calls API (the caller's leg is the call; the operator's leg hangs off its {@code <Dial>}). The cases:
 *
 * <ol>
 *   <li>hold: the caller's leg plays hold music; this ends the {@code <Dial>}, so the operator's leg
 *       hangs up (Twilio cannot park one leg of a dial).
 *   <li>resume: the operator is dialled again; their answer reconnects the caller, without a new offer.
 *   <li>requeue: the caller goes back to {@code <Enqueue>}; routing's next offer dials the next operator.
 *   <li>transfer: the caller's leg dials the destination number and leaves the center.
 *   <li>conference: the caller's leg joins a Twilio conference named after the contact, and the
 *       operator and the third party are called into it.
 *   <li>consult: the caller's leg plays hold music (which ends the operator's leg, as hold does);
 *       Twilio calls the operator and the consulted party into a conference named after the contact
 *       ({@code onenumber-consult-<contact>}). Complete: the caller's leg joins that conference and
 *       the operator's consult leg is ended; cancel: the consulted party's leg is ended and the
 *       caller joins the operator there. The consulted party's leg reports its end to {@link
 *       #consultLegStatus}; after that, completing is refused ({@link #consultPartyLeft}). Both placed legs are kept in {@link ConsultLegStore} while
 *       the consult is under way; a consult does not survive a restart (routing cancels it, the
 *       caller stays on hold with the first operator), so {@link #endConsultLegsLeftByARestart}
 *       hangs up the legs Twilio still carries.
 *   <li>hangUp: the caller's leg is completed; the status callback then reports the end to routing.
 *   <li>placeCallback: Twilio calls the reserved operator; their leg runs a {@code <Dial>} to the
 *       citizen, whose answer (or not) becomes {@code CallbackResult}.
 * </ol>
 *
 * Returns at once: REST calls run on {@code executor}. A control for a call this node does not carry
 * is ignored and logged. Thread-safe.
 */
public final class TwilioCallControl implements CallControl {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioCallControl.class);
  private static final Set<Phase> LIVE = Set.of(Phase.WAITING, Phase.RINGING, Phase.CONNECTED, Phase.HELD,
      Phase.RECONNECTING, Phase.CONFERENCE, Phase.CALLBACK);
  private static final Set<String> LEG_ENDS = Set.of("completed", "busy", "failed", "no-answer", "canceled");

  private final TwilioVoiceCalls calls;
  private final VoiceTwiml twiml;
  private final TwilioVoiceApi api;
  private final AgentDevices devices;
  private final RouteContact routing;
  private final Executor executor;
  private final String callerId;
  private final java.util.Map<ContactId, ConsultLegs> consults = new java.util.concurrent.ConcurrentHashMap<>();
  private final ConsultLegStore legStore;

  /**
   * The legs of a consult: the operator's and the consulted party's, each in the consult conference;
   * {@code ended}: the sids of its legs whose status callback reported their end.
   */
  private record ConsultLegs(String room, java.util.concurrent.CompletableFuture<String> operator,
      java.util.concurrent.CompletableFuture<String> consulted, Set<String> ended) {}

  /** @param callerId the city's number, shown on calls Twilio places */
  public TwilioCallControl(TwilioVoiceCalls calls, VoiceTwiml twiml, TwilioVoiceApi api, AgentDevices devices,
      RouteContact routing, Executor executor, String callerId) {
    this(calls, twiml, api, devices, routing, executor, callerId, ConsultLegStore.NONE);
  }

  /** As above, keeping the consult legs under way in {@code legStore} (durable in the server). */
  public TwilioCallControl(TwilioVoiceCalls calls, VoiceTwiml twiml, TwilioVoiceApi api, AgentDevices devices,
      RouteContact routing, Executor executor, String callerId, ConsultLegStore legStore) {
    this.legStore = legStore;
    this.calls = calls;
    this.twiml = twiml;
    this.api = api;
    this.devices = devices;
    this.routing = routing;
    this.executor = executor;
    this.callerId = callerId;
  }

  @Override
  public boolean carries(ContactId contact) {
    return calls.carries(contact);
  }

  @Override
  public void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent) {
    Call pending = new Call("pending-callback:" + contact.value(), contact, Language.KOREAN, "onenumber-callback",
        Phase.CALLBACK, agent, false, null, null);
    calls.open(pending);
    executor.execute(() -> {
      try {
        String sid = api.place(line(agent).address(), callerId, twiml.callback(contact, citizen.value(), false),
            twiml.urls().outboundStatus(contact));
        calls.close(contact);
        calls.open(pending.withSid(sid));
      } catch (RuntimeException e) {
        LOG.warn("callback for {} could not be placed: {}", contact, e.getMessage());
        calls.close(contact);
        routing.routeLater(new RoutingCommand.CallbackResult(contact, false));
      }
    });
  }

  @Override
  public void hold(ContactId contact) {
    control("hold", contact, Set.of(Phase.CONNECTED), Phase.HELD, call -> twiml.hold(call.language()));
  }

  @Override
  public void resume(ContactId contact) {
    control("resume", contact, Set.of(Phase.HELD), Phase.RECONNECTING,
        call -> twiml.dial(contact, call.agent(), line(call.agent()), call.record()));
  }

  @Override
  public void requeue(ContactId contact) {
    calls.move(contact, c -> LIVE.contains(c.phase()) && c.phase() != Phase.WAITING && c.phase() != Phase.CALLBACK,
            c -> c.to(Phase.WAITING, null))
        .ifPresentOrElse(call -> send(call.callSid(), () -> twiml.enqueue(contact, call.queueName())),
            () -> ignored("requeue", contact));
  }

  @Override
  public void transfer(ContactId contact, String destination) {
    control("transfer", contact, LIVE, Phase.ENDED, call -> twiml.transfer(call.language(), destination));
  }

  @Override
  public void conference(ContactId contact, String thirdParty) {
    String room = "onenumber-" + contact.value();
    Optional<Call> before = calls.move(contact, c -> c.phase() == Phase.CONNECTED || c.phase() == Phase.HELD,
        c -> c.to(Phase.CONFERENCE, c.agent()));
    if (before.isEmpty()) {
      ignored("conference", contact);
      return;
    }
    Call call = before.get();
    executor.execute(() -> {
      try {
        api.update(call.callSid(), twiml.conference(room, true));
        api.place(line(call.agent()).address(), callerId, twiml.conference(room, false), null);
        api.place(thirdParty, callerId, twiml.conference(room, false), null);
      } catch (RuntimeException e) {
        LOG.warn("conference for {} failed: {}", contact, e.getMessage());
      }
    });
  }

  @Override
  public void consult(ContactId contact, String destination) {
    Optional<Call> before = calls.move(contact, c -> c.phase() == Phase.CONNECTED, c -> c.to(Phase.HELD, c.agent()));
    if (before.isEmpty()) {
      ignored("consult", contact);
      return;
    }
    Call call = before.get();
    ConsultLegs legs = new ConsultLegs("onenumber-consult-" + contact.value(), new java.util.concurrent.CompletableFuture<>(),
        new java.util.concurrent.CompletableFuture<>(), java.util.concurrent.ConcurrentHashMap.newKeySet());
    consults.put(contact, legs);
    executor.execute(() -> {
      try {
        api.update(call.callSid(), twiml.hold(call.language()));
        legs.operator().complete(kept(contact,
            api.place(line(call.agent()).address(), callerId, twiml.conference(legs.room(), false), null)));
        legs.consulted().complete(kept(contact, api.place(destination, callerId, twiml.conference(legs.room(), false),
            twiml.urls().consultLegStatus(contact))));
      } catch (RuntimeException e) {
        LOG.warn("consult for {} failed: {}", contact, e.getMessage());
        legs.operator().complete(null);
        legs.consulted().complete(null); // a leg placed stays kept until the consult is completed or cancelled
      }
    });
  }

  /**
   * Refused (nothing changes, the caller stays on hold with the operator) when {@link
   * #consultPartyLeft}.
   */
  @Override
  public void completeConsult(ContactId contact) {
    if (consultPartyLeft(contact)) {
      throw new org.onenumber.core.error.IllegalTransitionException("consult of contact " + contact.value(),
          "consulted party left", "completed");
    }
    endConsult(contact, "complete consult", ConsultLegs::operator);
  }

  /**
   * True when the consulted party's leg was not placed, or its status callback ({@link
   * #consultLegStatus}) reported its end (completed, busy, no-answer, failed, canceled).
   */
  @Override
  public boolean consultPartyLeft(ContactId contact) {
    ConsultLegs legs = consults.get(contact);
    if (legs == null || !legs.consulted().isDone()) {
      return false;
    }
    String sid = legs.consulted().getNow(null);
    return sid == null || legs.ended().contains(sid);
  }

  /**
   * The status callback of a consulted party's leg ({@link VoiceUrls#consultLegStatus}): an end is
   * noted for {@link #consultPartyLeft}; a leg of no consult under way is ignored. Empty TwiML.
   */
  public String consultLegStatus(Map<String, String> form, ContactId contact) {
    ConsultLegs legs = consults.get(contact);
    String sid = form.get("CallSid");
    if (legs != null && sid != null && LEG_ENDS.contains(form.getOrDefault("CallStatus", ""))) {
      legs.ended().add(sid);
      LOG.info("consulted party's leg {} of contact {} ended: {}", sid, contact, form.get("CallStatus"));
    }
    return twiml.empty();
  }

  @Override
  public void cancelConsult(ContactId contact) {
    endConsult(contact, "cancel consult", ConsultLegs::consulted);
  }

  /**
   * The caller joins the consult conference and {@code leaving}'s leg is ended; the call is then a
   * two-party call again (CONNECTED: hold and resume work on it, with the operator routing names).
   */
  private void endConsult(ContactId contact, String what,
      java.util.function.Function<ConsultLegs, java.util.concurrent.CompletableFuture<String>> leaving) {
    ConsultLegs legs = consults.remove(contact);
    Optional<Call> before = legs == null ? Optional.empty()
        : calls.move(contact, c -> c.phase() == Phase.HELD, c -> c.to(Phase.CONNECTED, c.agent()));
    if (before.isEmpty()) {
      ignored(what, contact);
      return;
    }
    String callSid = before.get().callSid();
    java.util.concurrent.CompletableFuture.allOf(legs.operator(), legs.consulted())
        .thenRunAsync(() -> forget(legs), executor);
    leaving.apply(legs).thenAcceptAsync(sid -> {
      try {
        api.update(callSid, twiml.conference(legs.room(), true));
        if (sid != null) {
          api.end(sid);
        }
      } catch (RuntimeException e) {
        LOG.warn("{} for {} failed: {}", what, contact, e.getMessage());
      }
    }, executor);
  }

  /**
   * After a restart: hangs up every consult leg kept from before it (the consult was cancelled by
   * the restart; Twilio would keep the operator's and the consulted party's legs in the consult
   * conference until they hang up) and forgets them. A leg Twilio already ended is only logged.
   * Blocking: run once at start, on a REST thread.
   */
  public void endConsultLegsLeftByARestart() {
    List<ConsultLegStore.Leg> legs;
    try {
      legs = legStore.all();
    } catch (RuntimeException e) {
      LOG.warn("consult legs left by a restart could not be read: {}", e.getMessage());
      return;
    }
    for (ConsultLegStore.Leg leg : legs) {
      if (consults.containsKey(leg.contact())) {
        continue; // a consult started since this start
      }
      try {
        api.end(leg.callSid());
        LOG.info("consult leg {} of contact {} hung up: the consult did not survive the restart", leg.callSid(),
            leg.contact());
      } catch (RuntimeException e) {
        LOG.info("consult leg {} of contact {} not hung up (already ended?): {}", leg.callSid(), leg.contact(),
            e.getMessage());
      }
      forget(leg.callSid());
    }
  }

  /** Keeps a placed consult leg before it is known to the consult; returns its sid. */
  private String kept(ContactId contact, String legSid) {
    try {
      legStore.placed(new ConsultLegStore.Leg(contact, legSid));
    } catch (RuntimeException e) {
      LOG.warn("consult leg {} of contact {} not kept: {}", legSid, contact, e.getMessage());
    }
    return legSid;
  }

  /** Once both legs' placing ended: the placed ones are no consult legs any more. */
  private void forget(ConsultLegs legs) {
    java.util.stream.Stream.of(legs.operator().getNow(null), legs.consulted().getNow(null))
        .filter(java.util.Objects::nonNull).forEach(this::forget);
  }

  private void forget(String legSid) {
    try {
      legStore.ended(legSid);
    } catch (RuntimeException e) {
      LOG.warn("consult leg {} not forgotten: {}", legSid, e.getMessage());
    }
  }

  /**
   * The welfare check-in: Twilio calls the senior with {@link VoiceTwiml#checkIn} and reports the
   * keys and the call's end to {@link TwilioCheckIns}; a {@code happy-call} script runs {@link
   * VoiceTwiml#happyCall} and reports to {@link TwilioHappyCalls}. Placed at once (not on the executor) so a
   * Twilio that cannot be reached pauses the dialer.
   *
   * @throws org.onenumber.core.error.RetriableException when the Calls API refused or could not be reached
   */
  @Override
  public void originate(OutboundCall call) {
    try {
      if (org.onenumber.core.happycall.HappyCallVoice.SCRIPT.equals(call.script())) {
        api.place(call.to().value(), callerId, twiml.happyCall(call.contact(), call.language(), 0, null),
            twiml.urls().happyCallStatus(call.contact(), call.attempt()));
        return;
      }
      api.place(call.to().value(), callerId, twiml.checkIn(call.contact(), call.language(), call.slow(), 0),
          twiml.urls().checkInStatus(call.contact()));
    } catch (RuntimeException e) {
      throw new org.onenumber.core.error.RetriableException("Twilio check-in call not placed: " + e.getMessage(), e);
    }
  }

  @Override
  public void hangUp(ContactId contact) {
    calls.byContact(contact).filter(c -> LIVE.contains(c.phase()))
        .ifPresentOrElse(call -> executor.execute(() -> {
          try {
            api.end(call.callSid());
          } catch (RuntimeException e) {
            LOG.warn("could not hang up Twilio call {}: {}", call.callSid(), e.getMessage());
          }
        }), () -> ignored("hangUp", contact));
  }

  private void control(String what, ContactId contact, Set<Phase> from, Phase next,
      java.util.function.Function<Call, String> document) {
    calls.move(contact, c -> from.contains(c.phase()), c -> c.to(next, c.agent()))
        .ifPresentOrElse(call -> send(call.callSid(), () -> document.apply(call)), () -> ignored(what, contact));
  }

  private void send(String callSid, java.util.function.Supplier<String> document) {
    executor.execute(() -> {
      try {
        api.update(callSid, document.get());
      } catch (RuntimeException e) {
        LOG.warn("could not update Twilio call {}: {}", callSid, e.getMessage());
      }
    });
  }

  private OperatorLine line(AgentId agent) {
    return OperatorLine.of(agent, devices.deviceOf(agent).orElse(null));
  }

  private static void ignored(String what, ContactId contact) {
    LOG.info("{} ignored: contact {} has no Twilio call in a state that allows it", what, contact);
  }
}
