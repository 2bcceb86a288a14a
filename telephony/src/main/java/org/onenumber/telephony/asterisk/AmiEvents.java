package org.onenumber.telephony.asterisk;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.ManagerEventListener;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DialBeginEvent;
import org.asteriskjava.manager.event.DialEndEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.MixMonitorStopEvent;
import org.asteriskjava.manager.event.MusicOnHoldStartEvent;
import org.asteriskjava.manager.event.MusicOnHoldStopEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.VarSetEvent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * AMI events as routing commands and registry updates, on Asterisk-Java's event thread: every case
 * only reads maps and hands commands over ({@code routeLater}, or the recorder's own thread).
 *
 * <ol>
 *   <li>{@code DeviceStateChange} of an operator endpoint: presence ({@link OperatorPresence}).
 *   <li>{@code DialBegin} from a carried caller channel: the operator leg is recorded in {@link
 *       AsteriskCalls}. From an originated callback leg: see {@link CallbackDials}.
 *   <li>{@code DialEnd ANSWER} on a carried call: the call is connected (recording starts if allowed);
 *       with {@code acceptOnDialEnd} also {@code Accept(agent, contact)}. Other dial statuses clear
 *       the leg; the FastAGI session reads {@code DIALSTATUS} and declines.
 *   <li>{@code OriginateResponse}: callback results ({@link CallbackDials}), consult legs ({@link Consults}).
 *   <li>{@code Hangup} (with its cause, logged): of an operator leg, the leg is cleared; of a caller
 *       channel still registered, its FastAGI session is gone without closing the call (Asterisk
 *       sends this Hangup only after the AGI socket closed), so the contact is abandoned through
 *       routing ({@code Abandon} ends a waiting or a connected contact; the engine ignores a second).
 *       A call adopted after a restart ({@link RestartSweep}) has no session: its caller's Hangup is
 *       its normal end, {@code Abandon} with reason {@value RestartSweep#ENDED}.
 *   <li>{@code BridgeEnter/Leave}, {@code MusicOnHoldStart/Stop}: kept per channel for the call card
 *       and logs ({@link #onHold}, {@link #bridged}).
 *   <li>{@code VarSet MIXMONITOR_FILENAME}, {@code MixMonitorStop}: recording file and end.
 * </ol>
 */
public final class AmiEvents implements ManagerEventListener {

  private static final Logger LOG = LoggerFactory.getLogger(AmiEvents.class);

  private final AsteriskCalls calls;
  private final AgentDevices devices;
  private final RouteContact routing;
  private final OperatorPresence presence;
  private final CallbackDials callbacks;
  private final Consults consults;
  private final CallRecorder recorder;
  private final boolean acceptOnDialEnd;
  private final Set<String> onHold = ConcurrentHashMap.newKeySet();
  private final Set<String> bridged = ConcurrentHashMap.newKeySet();
  private final AtomicLong received = new AtomicLong();
  private volatile java.util.function.BiConsumer<ContactId, String> notPlaced = (contact, reason) -> { };

  AmiEvents(AsteriskCalls calls, AgentDevices devices, RouteContact routing, CallbackDials callbacks,
      Consults consults, CallRecorder recorder, boolean acceptOnDialEnd) {
    this.calls = calls;
    this.devices = devices;
    this.routing = routing;
    this.presence = new OperatorPresence(devices, routing);
    this.callbacks = callbacks;
    this.consults = consults;
    this.recorder = recorder;
    this.acceptOnDialEnd = acceptOnDialEnd;
  }

  @Override
  public void onManagerEvent(ManagerEvent event) {
    received.incrementAndGet();
    switch (event) {
      case DeviceStateChangeEvent d -> presence.changed(d.getDevice(), d.getState());
      case DialBeginEvent d -> dialBegin(d);
      case DialEndEvent d -> dialEnd(d);
      case OriginateResponseEvent o -> originated(o);
      case HangupEvent h -> hangup(h.getChannel(), h.getCause());
      case BridgeEnterEvent b -> bridged.add(b.getChannel());
      case BridgeLeaveEvent b -> bridged.remove(b.getChannel());
      case MusicOnHoldStartEvent m -> onHold.add(m.getChannel());
      case MusicOnHoldStopEvent m -> onHold.remove(m.getChannel());
      case VarSetEvent v -> recorder.variable(v.getChannel(), v.getVariable(), v.getValue());
      case MixMonitorStopEvent m -> recorder.stopped(m.getChannel());
      default -> { }
    }
  }

  /** Events seen so far (for the bench and health details). */
  public long received() {
    return received.get();
  }

  /** True while {@code channel} hears music on hold. */
  public boolean onHold(String channel) {
    return onHold.contains(channel);
  }

  /** True while {@code channel} is in a bridge. */
  public boolean bridged(String channel) {
    return bridged.contains(channel);
  }

  private void originated(OriginateResponseEvent o) {
    boolean success = "Success".equalsIgnoreCase(o.getResponse());
    callbacks.originated(o.getActionId(), success, o.getChannel(), o.getReason());
    consults.originated(o.getActionId(), success, o.getChannel(), o.getReason());
    String id = o.getActionId();
    if (!success && id != null && id.startsWith(AsteriskCallControl.CHECK_IN_ACTION)) {
      notPlaced.accept(new ContactId(id.substring(AsteriskCallControl.CHECK_IN_ACTION.length())),
          String.valueOf(o.getReason()));
    }
  }

  /** Who hears of a check-in or happy-call {@code Originate} that failed (contact, Asterisk's reason code). */
  void onNotPlaced(java.util.function.BiConsumer<ContactId, String> listener) {
    this.notPlaced = listener;
  }

  private void dialBegin(DialBeginEvent d) {
    if (d.getChannel() == null) {
      return;
    }
    calls.byChannel(d.getChannel())
        .filter(c -> d.getChannel().equals(c.callerChannel()))
        .ifPresent(c -> calls.agentLeg(c.contact(), d.getDestChannel()));
  }

  private void dialEnd(DialEndEvent d) {
    if (d.getChannel() == null) {
      return;
    }
    callbacks.dialEnd(d.getChannel(), d.getDialStatus());
    Optional<AsteriskCalls.Call> call = calls.byChannel(d.getChannel())
        .filter(c -> d.getChannel().equals(c.callerChannel()));
    if (call.isEmpty()) {
      return;
    }
    ContactId contact = call.get().contact();
    if (!"ANSWER".equals(d.getDialStatus())) {
      LOG.info("operator leg of {} ended: {}", contact, d.getDialStatus());
      calls.agentLeg(contact, null);
      return;
    }
    recorder.answered(call.get());
    if (acceptOnDialEnd) {
      Optional<AgentId> agent = devices.agentAt(Channels.device(d.getDestChannel()));
      agent.ifPresentOrElse(a -> routing.routeLater(new RoutingCommand.Accept(a, contact)),
          () -> LOG.warn("answered leg {} of {} is no operator's device", d.getDestChannel(), contact));
    }
  }

  private void hangup(String channel, Integer cause) {
    if (channel == null) {
      return;
    }
    onHold.remove(channel);
    bridged.remove(channel);
    recorder.stopped(channel);
    callbacks.hangup(channel, cause);
    consults.hangup(channel);
    calls.byChannel(channel).ifPresent(call -> {
      if (channel.equals(call.agentChannel())) {
        LOG.info("operator leg {} of {} hung up: {}", channel, call.contact(), HangupCauses.cause(cause));
        calls.agentLeg(call.contact(), null);
      } else if (channel.equals(call.callerChannel())) {
        LOG.info("caller {} of {} gone without its session closing the call ({}): abandoned", channel,
            call.contact(), HangupCauses.cause(cause));
        RoutingCommand end = calls.adopted(call.contact())
            ? new RoutingCommand.Abandon(call.contact(), RestartSweep.ENDED) : new RoutingCommand.Abandon(call.contact());
        calls.signal(call.contact(), new CallSignal.HangUp());
        calls.close(call.contact(), routing.routeUntilJournaled(end));
      }
    });
  }
}
