package org.onenumber.telephony.asterisk;

import java.util.Objects;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Case 6e of the call flow: routing offered a contact whose call had a session on this node that
 * has ended ({@link AsteriskCalls#ended}): the caller's channel is no longer ours, nobody will dial
 * the operator. Instead of leaving the operator RESERVED until the offer's timeout (and counting it
 * as their miss), routing is told {@code Abandon} at once: the offer is withdrawn (the operator is
 * free for the next contact, no miss counted) and the contact ends as the call did; if routing had
 * already ended it (the session's own {@code Abandon} or {@code WrapUp} came first) the refusal is
 * logged at debug. A callback offer (from CALLBACK_REQUESTED) is the center calling back, not this
 * call, and is left alone. Never blocks ({@link RouteContact#routeLater}): called on an event loop.
 */
public final class OrphanOffers {

  private static final Logger LOG = LoggerFactory.getLogger(OrphanOffers.class);
  /** The abandon's reason: the offer found the call's session ended. */
  public static final String SESSION_ENDED = "call-session-ended";

  private final AsteriskCalls calls;
  private final RouteContact routing;

  public OrphanOffers(AsteriskCalls calls, RouteContact routing) {
    this.calls = Objects.requireNonNull(calls, "calls");
    this.routing = Objects.requireNonNull(routing, "routing");
  }

  /**
   * Answers {@code event} if it is an offer for a call whose session ended here, and returns true;
   * false for anything else (the caller hands it on as before).
   */
  public boolean answer(DomainEvent event) {
    if (!(event instanceof ContactStateChanged offer) || offer.to() != ContactState.OFFERED || offer.agent() == null
        || offer.from() == ContactState.CALLBACK_REQUESTED || !calls.ended(offer.contact())
        || calls.byContact(offer.contact()).isPresent()) {
      return false;
    }
    LOG.info("contact {} offered to {} after its call's session ended; abandoned at once", offer.contact(),
        offer.agent());
    calls.ringTimings().skipped(RingTimings.Skipped.NO_SESSION);
    routing.routeLater(new RoutingCommand.Abandon(offer.contact(), SESSION_ENDED));
    return true;
  }
}
