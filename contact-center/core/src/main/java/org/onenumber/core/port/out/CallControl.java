package org.onenumber.core.port.out;

import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;

/**
 * Controls calls on the telephone network, one implementation per carrier ({@code
 * AsteriskCallControl}, {@code TwilioCallControl}). Every method hands the request to the carrier
 * and returns at once; what happened comes back later as routing commands (accept, decline,
 * abandon, close, callback result). A request for a call the carrier does not carry is ignored and
 * logged; {@link #carries} tells which carrier to ask.
 */
public interface CallControl {

  /** True when this carrier carries the contact's call now. */
  boolean carries(ContactId contact);

  /** Places a queued callback: rings the reserved agent's device first, then dials the citizen. */
  void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent);

  /** Puts the caller on hold (music on hold); the operator's leg stays up. */
  void hold(ContactId contact);

  /** Takes the caller off hold and reconnects them with the operator. */
  void resume(ContactId contact);

  /**
   * Releases the operator's leg after routing moved the contact to another queue or operator: the
   * caller stays on the line, waiting, until routing assigns the next operator.
   */
  void requeue(ContactId contact);

  /** Blind transfer of the caller to a number outside routing (a department desk), then the call leaves the center. */
  void transfer(ContactId contact, String destination);

  /** Adds a third party (an interpreter, a department) to the call: operator, caller and third party talk together. */
  void conference(ContactId contact, String thirdParty);

  /**
   * Starts a consult (attended) transfer: the caller is put on hold and the operator is connected
   * on a consultation leg with {@code destination} (an operator's device or a department's desk
   * number); the caller does not hear them.
   */
  void consult(ContactId contact, String destination);

  /**
   * Completes the consult: the caller is connected with the consulted party and the operator leaves.
   *
   * @throws org.onenumber.core.error.IllegalTransitionException when {@link #consultPartyLeft}: nothing
   *     changes, the caller stays on hold with the operator, who cancels the consult
   */
  void completeConsult(ContactId contact);

  /**
   * True while a consult of the contact is under way whose consulted party has left: their leg
   * answered and hung up, or was never reached. Completing it would leave the caller alone, so
   * {@link #completeConsult} refuses it; ask before moving the contact in routing.
   */
  default boolean consultPartyLeft(ContactId contact) {
    return false;
  }

  /** Cancels the consult: the consultation leg is hung up and the caller is back with the operator. */
  void cancelConsult(ContactId contact);

  /** Ends the call for everyone. */
  void hangUp(ContactId contact);

  /**
   * Calls a citizen from the city with no operator on the line first: the welfare program's
   * automated check-in ("press 1 if you are well, 2 to talk to someone" in {@code call.language()},
   * slowly). How it ends comes back as a {@code RecordCheckIn} outcome for {@code call.contact()}.
   *
   * @throws org.onenumber.core.error.RetriableException when the carrier is unreachable (dialing pauses)
   */
  void originate(OutboundCall call);
}
