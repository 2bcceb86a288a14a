package org.onenumber.core.happycall;

import java.time.Instant;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One happy-call survey for one resolved contact. {@code phone} is set once it is sent or called;
 * {@code score} once the citizen answered; {@code calls} counts the automated (IVR) calls placed.
 */
public record HappyCall(ContactId contact, CitizenId citizen, Instant dueAt, State state, String phone,
    Instant sentAt, Integer score, int calls) {

  /**
   * Where a survey is: waiting to be sent or called, an IVR call under way, sent by SMS and awaiting
   * the reply, answered, or skipped.
   */
  public enum State { SCHEDULED, CALLING, SENT, ANSWERED, SKIPPED }

  public HappyCall {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.require(citizen, "citizen");
    InvalidInputException.require(dueAt, "dueAt");
    InvalidInputException.require(state, "state");
    if (calls < 0) {
      throw new InvalidInputException("calls may not be negative");
    }
  }

  public static HappyCall scheduled(ContactId contact, CitizenId citizen, Instant dueAt) {
    return new HappyCall(contact, citizen, dueAt, State.SCHEDULED, null, null, null, 0);
  }
}
