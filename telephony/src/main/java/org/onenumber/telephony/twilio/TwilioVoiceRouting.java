package org.onenumber.telephony.twilio;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.core.port.out.AgentDevices;
import org.onenumber.telephony.twilio.TwilioVoiceCalls.Phase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routing's events about Twilio-carried calls, turned into updates of the live calls. The cases:
 *
 * <ol>
 *   <li>{@code QueuePositionChanged}: remembered on the call; the next turn of the wait loop says it.
 *   <li>Offered to an operator ({@code ContactStateChanged} to OFFERED): the caller's leg is updated
 *       with a {@code <Dial>} to the operator's line (from {@link AgentDevices}). Also when routing
 *       moves a connected or held call to another operator (a transfer inside the center).
 *   <li>The offer ended without an answer on routing's side (OFFERED back to QUEUED, e.g. routing's
 *       offer timer) while the phone still rings: the caller's leg goes back to {@code <Enqueue>}.
 *   <li>An offer for a contact whose call is not registered yet (routing can offer within
 *       milliseconds of intake, before the webhook that opened the contact has registered the call):
 *       kept until {@link #registered}, then dialled.
 *   <li>A consult transfer completed (HELD → CONNECTED with reason {@code consult-transfer:…}): the
 *       call's operator becomes the consulted one, so hold and resume act on their line from now on.
 * </ol>
 *
 * {@link #on} never blocks (it runs on an event loop): device look-ups and REST updates run on
 * {@code executor}. A failed update is logged; the call's status callback or routing's offer timer
 * then puts things right.
 */
public final class TwilioVoiceRouting {

  private static final Logger LOG = LoggerFactory.getLogger(TwilioVoiceRouting.class);
  private static final int MAX_PENDING = 10_000;

  private final TwilioVoiceCalls calls;
  private final VoiceTwiml twiml;
  private final TwilioVoiceApi api;
  private final AgentDevices devices;
  private final Executor executor;
  private final Map<ContactId, AgentId> pendingOffers = new ConcurrentHashMap<>();

  public TwilioVoiceRouting(TwilioVoiceCalls calls, VoiceTwiml twiml, TwilioVoiceApi api, AgentDevices devices,
      Executor executor) {
    this.calls = calls;
    this.twiml = twiml;
    this.api = api;
    this.devices = devices;
    this.executor = executor;
  }

  /** One routing event; returns at once. */
  public void on(DomainEvent event) {
    switch (event) {
      case QueuePositionChanged q -> calls.move(q.contact(), c -> true, c -> c.at(q.position(), q.estimatedWait()));
      case ContactStateChanged s when s.channel() == Channel.VOICE -> changed(s);
      default -> { }
    }
  }

  /** The IVR registered {@code contact}'s call: dial an offer that came first. */
  public void registered(ContactId contact) {
    AgentId agent = pendingOffers.remove(contact);
    if (agent != null) {
      offer(contact, agent);
    }
  }

  private void changed(ContactStateChanged s) {
    if (s.to() == ContactState.OFFERED && s.agent() != null) {
      if (calls.byContact(s.contact()).isPresent()) {
        offer(s.contact(), s.agent());
        return;
      }
      if (pendingOffers.size() > MAX_PENDING) {
        pendingOffers.clear();
      }
      pendingOffers.put(s.contact(), s.agent());
      if (calls.byContact(s.contact()).isPresent() && pendingOffers.remove(s.contact(), s.agent())) {
        offer(s.contact(), s.agent());
      }
      return;
    }
    pendingOffers.remove(s.contact());
    if (s.to() == ContactState.CONNECTED && s.agent() != null && s.reason() != null
        && s.reason().startsWith("consult-transfer:")) {
      calls.move(s.contact(), c -> !s.agent().equals(c.agent()), c -> c.to(c.phase(), s.agent()));
      return;
    }
    if (s.from() == ContactState.OFFERED && s.to() == ContactState.QUEUED) {
      calls.move(s.contact(), Set.of(Phase.RINGING), Phase.WAITING, null)
          .ifPresent(call -> executor.execute(() -> update(call.callSid(), twiml.enqueue(call.contact(), call.queueName()))));
    }
  }

  /** Rings {@code agent} for {@code contact}'s caller, once per offer. */
  void offer(ContactId contact, AgentId agent) {
    calls.move(contact, c -> c.phase() == Phase.WAITING
            || (Set.of(Phase.CONNECTED, Phase.HELD, Phase.CONFERENCE).contains(c.phase()) && !agent.equals(c.agent())),
        c -> c.to(Phase.RINGING, agent))
        .ifPresent(before -> executor.execute(() -> {
          OperatorLine line = OperatorLine.of(agent, devices.deviceOf(agent).orElse(null));
          update(before.callSid(), twiml.dial(contact, agent, line, before.record()));
        }));
  }

  private void update(String callSid, String document) {
    try {
      api.update(callSid, document);
    } catch (RuntimeException e) {
      LOG.warn("could not update Twilio call {}: {}", callSid, e.getMessage());
    }
  }
}
