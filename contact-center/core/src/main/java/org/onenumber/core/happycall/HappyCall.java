package org.onenumber.core.happycall;

import java.time.Instant;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One happy-call survey for one resolved contact. {@code phone} is set once it is sent;
 * {@code score} once the citizen answered.
 */
public record HappyCall(ContactId contact, CitizenId citizen, Instant dueAt, State state, String phone,
    Instant sentAt, Integer score) {

  /** Where a survey is: waiting to be sent, sent and awaiting the reply, answered, or skipped. */
  public enum State { SCHEDULED, SENT, ANSWERED, SKIPPED }

  public HappyCall {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.require(citizen, "citizen");
    InvalidInputException.require(dueAt, "dueAt");
    InvalidInputException.require(state, "state");
  }

  public static HappyCall scheduled(ContactId contact, CitizenId citizen, Instant dueAt) {
    return new HappyCall(contact, citizen, dueAt, State.SCHEDULED, null, null, null);
  }
}
