package org.onenumber.telephony.asterisk;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.response.ManagerError;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Queued callbacks on Asterisk (captures 04a–d): an async {@code Originate} rings the reserved
 * operator's device; once the operator answers, the callback context dials the citizen. The result
 * goes to routing as {@code CallbackResult}:
 *
 * <ol>
 *   <li>{@code OriginateResponse Failure} (Reason 3 no answer, 0 busy or unreachable; its {@code
 *       Channel} is the dial string) or a refused Originate: not answered.
 *   <li>{@code OriginateResponse Success} (Reason 4) gives the operator's channel name; then the
 *       citizen leg's {@code DialEnd} on that channel decides: {@code ANSWER} answered, anything
 *       else (BUSY, NOANSWER, CHANUNAVAIL, CANCEL, CONGESTION) not answered.
 *   <li>The operator's channel hangs up before that {@code DialEnd}: not answered.
 *   <li>After an answered callback the operator's channel hanging up ends the call: {@code WrapUp}.
 * </ol>
 * Every failure is logged with its reason. Thread-safe; event methods never block.
 */
final class CallbackDials {

  private static final Logger LOG = LoggerFactory.getLogger(CallbackDials.class);

  private record Dial(ContactId contact, AgentId agent, String device) {}

  private final AmiLink link;
  private final AgentDevices devices;
  private final RouteContact routing;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Dial> byActionId = new ConcurrentHashMap<>();
  private final Map<String, Dial> byChannel = new ConcurrentHashMap<>();
  private final Map<String, ContactId> answered = new ConcurrentHashMap<>();

  CallbackDials(AmiLink link, AgentDevices devices, RouteContact routing) {
    this.link = link;
    this.devices = devices;
    this.routing = routing;
  }

  void place(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent) {
    String device = devices.deviceOf(agent).orElse(null);
    if (device == null) {
      result(new Dial(contact, agent, null), false, "operator " + agent + " has no device");
      return;
    }
    AmiSettings.Dialplan plan = link.settings().dialplan();
    String actionId = "onenumber-callback-" + ids.incrementAndGet();
    Dial dial = new Dial(contact, agent, device);
    byActionId.put(actionId, dial);
    OriginateAction originate = new OriginateAction();
    originate.setActionId(actionId);
    originate.setChannel(device);
    originate.setContext(plan.callbackContext());
    originate.setExten(citizen.value().replaceAll("[^0-9]", ""));
    originate.setPriority(1);
    originate.setTimeout(plan.ringTimeout().toMillis());
    originate.setCallerId(plan.callbackCallerId());
    originate.setAsync(true);
    originate.setVariable("ONENUMBER_CONTACT", contact.value());
    link.send(originate, response -> {
      if (response instanceof ManagerError) {
        failed(actionId, "Originate refused: " + response.getMessage());
      }
    });
  }

  boolean carries(ContactId contact) {
    return byActionId.values().stream().anyMatch(d -> d.contact().equals(contact))
        || answered.containsValue(contact);
  }

  /** The operator channel of an answered callback, for hang-up. */
  String channelOf(ContactId contact) {
    return answered.entrySet().stream().filter(e -> e.getValue().equals(contact)).map(Map.Entry::getKey)
        .findFirst().orElse(null);
  }

  // ---- events --------------------------------------------------------------------------------

  void originated(String actionId, boolean success, String channel, Integer reason) {
    if (actionId == null) {
      return;
    }
    Dial dial = byActionId.get(actionId);
    if (dial == null) {
      return;
    }
    if (!success) {
      failed(actionId, "operator leg " + channel + ": " + HangupCauses.originateReason(reason));
      return;
    }
    byChannel.put(channel, dial);
  }

  void dialEnd(String channel, String status) {
    Dial dial = channel == null ? null : byChannel.remove(channel);
    if (dial == null) {
      return;
    }
    byActionId.values().remove(dial);
    if ("ANSWER".equals(status)) {
      answered.put(channel, dial.contact());
      result(dial, true, "answered");
    } else {
      result(dial, false, "citizen leg " + status);
    }
  }

  void hangup(String channel, Integer cause) {
    if (channel == null) {
      return;
    }
    Dial dial = byChannel.remove(channel);
    if (dial != null) {
      byActionId.values().remove(dial);
      result(dial, false, "operator leg hung up first (" + HangupCauses.cause(cause) + ")");
      return;
    }
    ContactId done = answered.remove(channel);
    if (done != null) {
      routing.routeLater(new RoutingCommand.WrapUp(done, RoutingCommand.Outcome.RESOLVED));
    }
  }

  /** After a reconnect: callbacks whose operator channel is gone are over. */
  void reconcile(Set<String> live) {
    byChannel.keySet().stream().filter(c -> !live.contains(c)).toList().forEach(c -> hangup(c, null));
    answered.keySet().stream().filter(c -> !live.contains(c)).toList().forEach(c -> hangup(c, null));
  }

  private void failed(String actionId, String why) {
    Dial dial = byActionId.remove(actionId);
    if (dial != null) {
      result(dial, false, why);
    }
  }

  private void result(Dial dial, boolean ok, String why) {
    if (ok) {
      LOG.info("callback {} answered (operator {})", dial.contact(), dial.agent());
    } else {
      LOG.info("callback {} not answered: {}", dial.contact(), why);
    }
    routing.routeLater(new RoutingCommand.CallbackResult(dial.contact(), ok));
  }
}
