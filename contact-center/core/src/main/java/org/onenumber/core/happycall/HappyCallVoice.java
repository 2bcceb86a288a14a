package org.onenumber.core.happycall;

import java.time.Duration;
import java.util.function.Predicate;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CallControl;

/**
 * Happy-call by an automated call: which surveys are called ({@code byVoice}: the contact came in
 * by voice), the carrier that places them, how many calls a survey gets before its SMS fallback,
 * how long after a call without answer the next one goes out, and after how long a call nobody
 * reported on counts as not answered (a carrier that never answered the Originate).
 */
public record HappyCallVoice(CallControl carrier, Predicate<ContactId> byVoice, int calls, Duration retryAfter,
    Duration noAnswerAfter) {

  /** What {@link org.onenumber.core.port.out.OutboundCall#script} says for a happy-call. */
  public static final String SCRIPT = "happy-call";

  public HappyCallVoice {
    InvalidInputException.require(carrier, "carrier");
    InvalidInputException.require(byVoice, "byVoice");
    InvalidInputException.require(retryAfter, "retryAfter");
    InvalidInputException.require(noAnswerAfter, "noAnswerAfter");
    if (calls < 1 || retryAfter.isNegative() || noAnswerAfter.isNegative()) {
      throw new InvalidInputException("calls must be at least 1, durations not negative");
    }
  }
}
