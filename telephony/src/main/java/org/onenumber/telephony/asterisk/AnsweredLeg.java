package org.onenumber.telephony.asterisk;

import org.asteriskjava.fastagi.AgiChannel;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiRequest;
import org.asteriskjava.fastagi.AgiScript;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Case 7 of the call flow (see the package documentation): the operator answered. Asterisk runs
 * this short script on the operator's leg through {@code Dial}'s {@code U()} option, before the two
 * legs are bridged, while the caller's session is still blocked in {@code Dial}. It records the
 * operator's channel in {@link AsteriskCalls} (the AMI side needs it for hold and transfer) and
 * tells routing {@code Accept}. If routing refuses (the offer expired meanwhile) it sets {@code
 * GOSUB_RESULT=BUSY}: Asterisk hangs up the operator's leg and {@code Dial} ends as if busy
 * (ABORT would hang up the caller too), so the caller is not connected to a call routing does not
 * know about and keeps their place.
 *
 * <p>The answer is what routing journaled ({@link Ivr#tellUntilJournaled}), not whether its reply
 * came within the 10 s a {@code route} waits: before, an accept that outlasted that wait (an H2
 * stall) was dropped BUSY here while routing journaled it later, so the server counted the call
 * answered by an operator whose leg was gone, and the caller, still waiting, was then counted
 * abandoned by the simulator (Seoul B2, session 14: 5 calls). A caller who hangs up while this
 * script runs is not seen before {@code Dial} returns (Asterisk runs the script to its end, and
 * the caller's session learns of the hang-up only then, capture 01): the call counts answered when
 * routing journaled the accept, abandoned when routing refused it, on both sides. However long
 * routing takes: the leg waits for its verdict (logged every {@link IvrSettings#acceptReportEvery()}).
 * Before, after 60 s it answered BUSY with the accept still queued: an outage of more than a minute
 * could journal an answer for a leg already dropped, the counts split again. Records the ring path's
 * last stages ({@link RingTimings}).
 */
final class AnsweredLeg implements AgiScript {

  private static final Logger LOG = LoggerFactory.getLogger(AnsweredLeg.class);

  private final Ivr ivr;

  AnsweredLeg(Ivr ivr) {
    this.ivr = ivr;
  }

  @Override
  public void service(AgiRequest request, AgiChannel channel) throws AgiException {
    String contact = request.getParameter("contact");
    String agent = request.getParameter("agent");
    if (contact == null || agent == null || contact.isBlank() || agent.isBlank()) {
      LOG.warn("answered script without contact and agent parameters: {}", request.getRequestURL());
      return;
    }
    ContactId id = new ContactId(contact);
    long started = System.nanoTime();
    AsteriskCalls.Ring ring = ivr.calls().answered(id);
    ivr.calls().agentLeg(id, request.getChannel());
    boolean accepted = ivr.tellUntilJournaled(new RoutingCommand.Accept(new AgentId(agent), id),
        ivr.settings().acceptReportEvery());
    if (ring != null) {
      long decided = System.nanoTime();
      RingTimings timings = ivr.calls().ringTimings();
      timings.record(RingTimings.Stage.ANSWER, started - ring.dialledNanos());
      timings.record(RingTimings.Stage.ACCEPT, decided - started);
      if (accepted) {
        timings.record(RingTimings.Stage.TOTAL, decided - ring.queuedNanos());
      }
    }
    if (!accepted) {
      channel.setVariable("GOSUB_RESULT", "BUSY");
    }
  }
}
