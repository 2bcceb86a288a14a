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
 * has ended ({@link AsteriskCalls#session}): the caller's channel is no longer ours, nobody will
 * dial the operator.
 *
 * <ul>
 *   <li>The end the session reported (its {@code Abandon}, {@code WrapUp}) is still on its way to
 *       routing ({@link AsteriskCalls.Session#ENDING}): the offer crossed the caller's hang-up, and
 *       that end withdraws it when routing takes it (an abandon ends an offered contact and frees
 *       the operator). Nothing more is sent (the seeded Seoul day at 400× had 289 such offers: a
 *       second {@code Abandon} for each was refused, the contact already ended).
 *   <li>That end has settled ({@link AsteriskCalls.Session#ENDED}) and routing still offers the
 *       contact (the end was refused, or routing put the contact back since): instead of leaving
 *       the operator RESERVED until the offer's timeout (counted as their miss), routing is told
 *       {@code Abandon} at once (reason {@value #SESSION_ENDED}): the offer is withdrawn, the
 *       operator free for the next contact with no miss counted, and the contact ends as the call
 *       did. A refusal (routing ended it meanwhile) is logged at debug.
 * </ul>
 *
 * A callback offer (from CALLBACK_REQUESTED) is the center calling back, not this call, and is
 * left alone. Never blocks ({@link RouteContact#routeUntilJournaled} returns at once): called on an
 * event loop.
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
        || offer.from() == ContactState.CALLBACK_REQUESTED) {
      return false;
    }
    AsteriskCalls.Session session = calls.session(offer.contact());
    if (session != AsteriskCalls.Session.ENDING && session != AsteriskCalls.Session.ENDED) {
      return false;
    }
    calls.ringTimings().skipped(RingTimings.Skipped.NO_SESSION);
    if (session == AsteriskCalls.Session.ENDED) {
      LOG.info("contact {} offered to {} after its call's session ended; abandoned at once", offer.contact(),
          offer.agent());
      routing.routeUntilJournaled(new RoutingCommand.Abandon(offer.contact(), SESSION_ENDED))
          .whenComplete((decisions, failure) -> {
            if (failure != null) {
              LOG.debug("the abandon of {} was refused: {}", offer.contact(), RouteContact.causeOf(failure).getMessage());
            }
          });
    }
    return true;
  }
}
