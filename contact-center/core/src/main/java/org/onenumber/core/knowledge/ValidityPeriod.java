package org.onenumber.core.knowledge;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * When an answer is valid: from {@code from} (inclusive) until {@code until} (exclusive). A null
 * bound is open.
 */
public record ValidityPeriod(Instant from, Instant until) {

  public static final ValidityPeriod ALWAYS = new ValidityPeriod(null, null);

  public ValidityPeriod {
    if (from != null && until != null && !until.isAfter(from)) {
      throw new InvalidInputException("validity must end after it starts: " + from + " .. " + until);
    }
  }

  public boolean contains(Instant at) {
    return (from == null || !at.isBefore(from)) && (until == null || at.isBefore(until));
  }

  /** True when the period has ended at {@code at}. */
  public boolean endedBy(Instant at) {
    return until != null && !at.isBefore(until);
  }
}
