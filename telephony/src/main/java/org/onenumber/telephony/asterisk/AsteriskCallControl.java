package org.onenumber.telephony.asterisk;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.ManagerAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.action.RedirectAction;
import org.asteriskjava.manager.response.ManagerError;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.OutboundCall;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallControl} on Asterisk: the FastAGI session keeps the
 * caller's channel; AMI moves or ends the operator's leg and the session is told by a {@link
 * CallSignal}. The signal is put in the call's mailbox <i>before</i> the AMI action, so when the
 * action ends the session's running {@code Dial} or {@code Bridge}, the session finds the reason
 * waiting (an AGI session only reads its mailbox between commands, so nothing can act early).
 *
 * <ol>
 *   <li>hold: {@code Hold}, then {@code Redirect} of the operator leg to the hold context (it waits
 *       there with music); resume: {@code Resume(leg)}, the session bridges the caller back to it.
 *   <li>requeue: {@code Requeue}, then {@code Hangup} of the operator leg.
 *   <li>transfer: {@code Transfer(dial string)}, then {@code Hangup} of the operator leg.
 *   <li>conference: {@code Conference(room)}, {@code Redirect} of the operator leg into the room
 *       (conference context), {@code Originate} of the third party into the same room (capture 05b).
 *   <li>consult: {@code Hold} (the session plays music), {@code Redirect} of the operator leg into a
 *       consult room (conference context), {@code Originate} of the consulted party into the same
 *       room ({@link Consults}). Complete: the session is told {@code Resume(consult leg)} and
 *       bridges the caller with it (Asterisk's {@code Bridge} moves the leg out of the room), the
 *       consult leg becomes the call's operator leg and the first operator's leg is hung up; when
 *       the consult leg's name is not known (no {@code OriginateResponse} yet) the session joins the
 *       caller to the room instead ({@code Conference(room)}); when the consult leg has hung up or was
 *       not reached, completing is refused (409) and the caller stays on hold with the operator. Cancel: the consult leg is hung up
 *       (at once, or when it answers) and the session bridges the caller back with the operator.
 *   <li>hang up: {@code HangUp}, then {@code Hangup} of the caller channel (of the operator channel
 *       for an answered callback, which has no session).
 *   <li>placeCallback: {@link CallbackDials}.
 * </ol>
 * A call adopted after a restart ({@link RestartSweep}) has no FastAGI session: caller and operator
 * are bridged by a {@code Dial} of the previous run, and moving one leg alone would hang the other
 * up (capture 05a). Its first control therefore takes the caller back into a session: the signal
 * goes to the mailbox as for any call, then one {@code Redirect} moves the caller into the
 * {@value #REJOIN_CONTEXT} context ({@link RejoinedCall}) and, with {@code ExtraChannel}, the
 * operator's leg where the control puts it (hold context, conference or consult room); for
 * requeue and transfer the caller alone is moved and the operator's leg hung up. From then on the
 * call is conducted like any other. A request for a call this node does not carry, or without an
 * operator leg where one is needed, is logged and ignored. Every method returns at once; failures
 * of AMI actions are logged.
 */
public final class AsteriskCallControl implements CallControl {

  private static final Logger LOG = LoggerFactory.getLogger(AsteriskCallControl.class);
  /** The dialplan context an answered check-in call starts in. */
  public static final String CHECK_IN_CONTEXT = "onenumber-checkin";
  /** The ActionID of an {@link #originate} is this and the contact id. */
  static final String CHECK_IN_ACTION = "onenumber-checkin-";
  /** The dialplan context that takes the caller of an adopted call back into a FastAGI session. */
  public static final String REJOIN_CONTEXT = "onenumber-rejoin";

  private final AmiLink link;
  private final AsteriskCalls calls;
  private final CallbackDials callbacks;
  private final Consults consults;
  private final Map<ContactId, String> rooms = new ConcurrentHashMap<>();
  private final AtomicInteger roomCounter = new AtomicInteger();

  AsteriskCallControl(AmiLink link, AsteriskCalls calls, CallbackDials callbacks, Consults consults) {
    this.link = link;
    this.calls = calls;
    this.callbacks = callbacks;
    this.consults = consults;
  }

  @Override
  public boolean carries(ContactId contact) {
    return calls.byContact(contact).isPresent() || callbacks.carries(contact);
  }

  @Override
  public void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent) {
    callbacks.place(contact, citizen, agent);
  }

  @Override
  public void hold(ContactId contact) {
    withAgentLeg(contact, "hold").ifPresent(call -> {
      calls.signal(contact, new CallSignal.Hold());
      moveAgentLeg(call, plan().holdContext(), "s", "hold");
    });
  }

  @Override
  public void resume(ContactId contact) {
    withAgentLeg(contact, "resume").ifPresent(call -> {
      calls.signal(contact, new CallSignal.Resume(call.agentChannel()));
      if (calls.adopted(contact)) {
        moveAgentLeg(call, plan().holdContext(), "s", "resume");
      }
    });
  }

  @Override
  public void requeue(ContactId contact) {
    withAgentLeg(contact, "requeue").ifPresent(call -> {
      calls.signal(contact, new CallSignal.Requeue());
      rejoinCaller(call, "requeue");
      calls.agentLeg(contact, null);
      send(hangup(call.agentChannel()), "requeue", contact);
    });
  }

  @Override
  public void transfer(ContactId contact, String destination) {
    Optional<AsteriskCalls.Call> carried = carried(contact, "transfer");
    carried.ifPresent(call -> {
      calls.signal(contact, new CallSignal.Transfer(Channels.dialString(destination, plan().outboundDialString())));
      rejoinCaller(call, "transfer");
      if (call.agentChannel() != null) {
        calls.agentLeg(contact, null);
        send(hangup(call.agentChannel()), "transfer", contact);
      }
    });
  }

  @Override
  public void conference(ContactId contact, String thirdParty) {
    withAgentLeg(contact, "conference").ifPresent(call -> {
      String room = rooms.computeIfAbsent(contact, c -> String.format("8%06d", roomCounter.incrementAndGet() % 1_000_000));
      calls.signal(contact, new CallSignal.Conference(room));
      moveAgentLeg(call, plan().conferenceContext(), room, "conference");
      OriginateAction third = new OriginateAction();
      third.setChannel(Channels.dialString(thirdParty, plan().outboundDialString()));
      third.setContext(plan().conferenceContext());
      third.setExten(room);
      third.setPriority(1);
      third.setTimeout(plan().ringTimeout().toMillis());
      third.setAsync(true);
      third.setVariable("ONENUMBER_CONTACT", contact.value());
      send(third, "conference third party", contact);
    });
  }

  @Override
  public void consult(ContactId contact, String destination) {
    withAgentLeg(contact, "consult").ifPresent(call -> {
      String room = String.format("7%06d", roomCounter.incrementAndGet() % 1_000_000);
      Consults.Consult consult = consults.start(contact, call.agentChannel(), room);
      calls.signal(contact, new CallSignal.Hold());
      moveAgentLeg(call, plan().conferenceContext(), room, "consult");
      OriginateAction leg = new OriginateAction();
      leg.setActionId(consult.actionId());
      leg.setChannel(Channels.dialString(destination, plan().outboundDialString()));
      leg.setContext(plan().conferenceContext());
      leg.setExten(room);
      leg.setPriority(1);
      leg.setTimeout(plan().ringTimeout().toMillis());
      leg.setCallerId(plan().callbackCallerId());
      leg.setAsync(true);
      leg.setVariable("ONENUMBER_CONTACT", contact.value());
      send(leg, "consult leg", contact);
    });
  }

  @Override
  public void completeConsult(ContactId contact) {
    Optional<Consults.Consult> consult = consults.takeToComplete(contact);
    if (consult.isEmpty()) {
      LOG.info("completing a consult of {} ignored: none under way", contact);
      return;
    }
    Consults.Consult c = consult.get();
    carried(contact, "complete consult").ifPresent(call -> {
      if (c.channel() != null) {
        calls.agentLeg(contact, c.channel());
        calls.signal(contact, new CallSignal.Resume(c.channel()));
      } else {
        calls.agentLeg(contact, null);
        calls.signal(contact, new CallSignal.Conference(c.room()));
      }
      consults.hangUp(c.operatorChannel(), "first operator leg of " + contact);
    });
  }

  @Override
  public boolean consultPartyLeft(ContactId contact) {
    return consults.of(contact).map(Consults.Consult::legGone).orElse(false);
  }

  @Override
  public void cancelConsult(ContactId contact) {
    Optional<Consults.Consult> consult = consults.take(contact);
    if (consult.isEmpty()) {
      LOG.info("cancelling a consult of {} ignored: none under way", contact);
      return;
    }
    Consults.Consult c = consult.get();
    if (c.channel() != null) {
      consults.hangUp(c.channel(), "consult leg of " + contact);
    } else {
      consults.hangUpWhenAnswered(c);
    }
    carried(contact, "cancel consult").ifPresent(call -> calls.signal(contact, new CallSignal.Resume(c.operatorChannel())));
  }

  /** The consult room of {@code contact}'s call while a consult is under way. */
  public Optional<String> consultRoomOf(ContactId contact) {
    return consults.of(contact).map(Consults.Consult::room);
  }

  /** Cancelled consults still waiting for their leg to answer (to hang it up then). */
  int awaitingCancelledConsultLegs() {
    return consults.awaitingCancelledLegs();
  }

  /** The consult leg's channel once it answered. */
  public Optional<String> consultLegOf(ContactId contact) {
    return consults.of(contact).map(Consults.Consult::channel);
  }

  @Override
  public void hangUp(ContactId contact) {
    Optional<AsteriskCalls.Call> call = calls.byContact(contact);
    if (call.isPresent()) {
      calls.signal(contact, new CallSignal.HangUp());
      send(hangup(call.get().callerChannel()), "hang up", contact);
      return;
    }
    String callback = callbacks.channelOf(contact);
    if (callback != null) {
      send(hangup(callback), "hang up callback", contact);
      return;
    }
    LOG.info("hang up of {} ignored: not carried here", contact);
  }

  /**
   * The welfare check-in: an async {@code Originate} of the senior's number (the outbound dial
   * string) into the {@value #CHECK_IN_CONTEXT} context, whose dialplan runs the check-in AGI
   * ({@code agi://…/checkin}) with the contact, language and pace as channel variables.
   */
  @Override
  public void originate(OutboundCall call) {
    OriginateAction originate = new OriginateAction();
    originate.setActionId(CHECK_IN_ACTION + call.contact().value());
    originate.setChannel(Channels.dialString(call.to().value(), plan().outboundDialString()));
    originate.setContext(CHECK_IN_CONTEXT);
    originate.setExten("s");
    originate.setPriority(1);
    originate.setTimeout(plan().ringTimeout().toMillis());
    originate.setCallerId(plan().callbackCallerId());
    originate.setAsync(true);
    originate.setVariable("ONENUMBER_CONTACT", call.contact().value());
    originate.setVariable("ONENUMBER_LANGUAGE", call.language().code());
    originate.setVariable("ONENUMBER_SLOW", call.slow() ? "1" : "0");
    originate.setVariable("ONENUMBER_SCRIPT", call.script());
    originate.setVariable("ONENUMBER_PHONE", call.to().value());
    send(originate, "check-in call", call.contact());
  }

  /** The conference room of {@code contact}'s call, once one was opened. */
  public Optional<String> roomOf(ContactId contact) {
    return Optional.ofNullable(rooms.get(contact));
  }

  private Optional<AsteriskCalls.Call> carried(ContactId contact, String what) {
    Optional<AsteriskCalls.Call> call = calls.byContact(contact);
    if (call.isEmpty()) {
      LOG.info("{} of {} ignored: not carried here", what, contact);
    }
    return call;
  }

  private Optional<AsteriskCalls.Call> withAgentLeg(ContactId contact, String what) {
    Optional<AsteriskCalls.Call> call = carried(contact, what).filter(c -> c.agentChannel() != null);
    if (call.isEmpty() && calls.byContact(contact).isPresent()) {
      LOG.info("{} of {} ignored: no operator leg up", what, contact);
    }
    return call;
  }

  /**
   * Moves the operator's leg to {@code context}/{@code exten}: the caller's running {@code Dial} or
   * {@code Bridge} ends and the session reads the signal. An adopted call's caller is moved into a
   * session by the same {@code Redirect} ({@code ExtraChannel} is the operator's leg).
   */
  private void moveAgentLeg(AsteriskCalls.Call call, String context, String exten, String what) {
    if (!calls.adopted(call.contact())) {
      send(redirect(call.agentChannel(), context, exten), what, call.contact());
      return;
    }
    calls.rejoining(call.contact());
    RedirectAction both = redirect(call.callerChannel(), REJOIN_CONTEXT, "s");
    both.setExtraChannel(call.agentChannel());
    both.setExtraContext(context);
    both.setExtraExten(exten);
    both.setExtraPriority(1);
    send(both, what + " (taking the adopted call back)", call.contact());
  }

  /** Before the operator's leg is hung up: an adopted call's caller goes into a session first. */
  private void rejoinCaller(AsteriskCalls.Call call, String what) {
    if (calls.adopted(call.contact())) {
      calls.rejoining(call.contact());
      send(redirect(call.callerChannel(), REJOIN_CONTEXT, "s"), what + " (taking the adopted call back)", call.contact());
    }
  }

  private AmiSettings.Dialplan plan() {
    return link.settings().dialplan();
  }

  private void send(ManagerAction action, String what, ContactId contact) {
    link.send(action, r -> {
      if (r instanceof ManagerError) {
        LOG.warn("{} of {}: {} failed: {}", what, contact, action.getAction(), r.getMessage());
      }
    });
  }

  private static RedirectAction redirect(String channel, String context, String exten) {
    return new RedirectAction(channel, context, exten, 1);
  }

  private static HangupAction hangup(String channel) {
    return new HangupAction(channel, 16);
  }
}
