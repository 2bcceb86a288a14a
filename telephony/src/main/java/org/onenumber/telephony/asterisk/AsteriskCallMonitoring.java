package org.onenumber.telephony.asterisk;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.action.OriginateAction;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.response.ManagerError;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CallMonitoring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link CallMonitoring} on Asterisk with {@code ChanSpy}: an async {@code Originate} rings the
 * supervisor's device and, when answered, runs {@code ChanSpy(<operator leg>,qE[w|B])} — {@code q}
 * quiet (no beep, no name), {@code E} leave when the operator's leg ends, {@code w} whisper to the
 * operator, {@code B} barge (talk to both). The spy leg's channel comes back in the {@code
 * OriginateResponse} of the action's id; stop (and a change of mode, which re-rings) hangs it up.
 * Thread-safe.
 */
public final class AsteriskCallMonitoring implements CallMonitoring {

  private static final Logger LOG = LoggerFactory.getLogger(AsteriskCallMonitoring.class);
  private static final String PREFIX = "onenumber-spy-";

  private record Spy(ContactId contact, String device) {}

  private final AmiLink link;
  private final AsteriskCalls calls;
  private final AtomicLong ids = new AtomicLong();
  private final Map<String, Spy> pending = new ConcurrentHashMap<>();
  private final Map<Spy, String> channels = new ConcurrentHashMap<>();

  AsteriskCallMonitoring(AmiLink link, AsteriskCalls calls) {
    this.link = link;
    this.calls = calls;
    link.addListener(this::onEvent);
  }

  @Override
  public boolean monitor(ContactId contact, String supervisorDevice, Mode mode) {
    var call = calls.byContact(contact).filter(c -> c.agentChannel() != null);
    if (call.isEmpty()) {
      return false;
    }
    Spy spy = new Spy(contact, supervisorDevice);
    hangUp(spy);
    String actionId = PREFIX + ids.incrementAndGet();
    pending.put(actionId, spy);
    OriginateAction originate = new OriginateAction();
    originate.setActionId(actionId);
    originate.setChannel(supervisorDevice);
    originate.setApplication("ChanSpy");
    originate.setData(call.get().agentChannel() + ",qE" + switch (mode) {
      case LISTEN -> "";
      case WHISPER -> "w";
      case BARGE -> "B";
    });
    originate.setCallerId("\"Monitor " + mode.name().toLowerCase(java.util.Locale.ROOT) + "\" <120>");
    originate.setTimeout(link.settings().dialplan().ringTimeout().toMillis());
    originate.setAsync(true);
    originate.setVariable("ONENUMBER_CONTACT", contact.value());
    link.send(originate, r -> {
      if (r instanceof ManagerError) {
        pending.remove(actionId);
        LOG.warn("monitoring of {}: Originate to {} refused: {}", contact, supervisorDevice, r.getMessage());
      }
    });
    return true;
  }

  @Override
  public void stop(ContactId contact, String supervisorDevice) {
    Spy spy = new Spy(contact, supervisorDevice);
    pending.values().remove(spy);
    hangUp(spy);
  }

  /** The spy leg's channel, once the supervisor's phone answered (for tests and logs). */
  public java.util.Optional<String> channelOf(ContactId contact, String supervisorDevice) {
    return java.util.Optional.ofNullable(channels.get(new Spy(contact, supervisorDevice)));
  }

  private void hangUp(Spy spy) {
    String channel = channels.remove(spy);
    if (channel != null) {
      link.send(new HangupAction(channel, 16), r -> { });
    }
  }

  private void onEvent(ManagerEvent event) {
    if (event instanceof OriginateResponseEvent o && o.getActionId() != null && o.getActionId().startsWith(PREFIX)) {
      Spy spy = pending.remove(o.getActionId());
      if (spy == null) {
        return;
      }
      if ("Success".equalsIgnoreCase(o.getResponse()) && o.getChannel() != null) {
        channels.put(spy, o.getChannel());
      } else {
        LOG.info("monitoring of {}: {} did not answer ({})", spy.contact(), spy.device(),
            HangupCauses.originateReason(o.getReason()));
      }
    }
  }
}
