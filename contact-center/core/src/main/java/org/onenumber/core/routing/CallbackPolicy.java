package org.onenumber.core.routing;

import java.time.Duration;
import org.onenumber.core.error.InvalidInputException;

/** How often and how far apart a queued callback is attempted before it is given up. */
public record CallbackPolicy(int maxAttempts, Duration retryDelay) {

  public static final CallbackPolicy DEFAULT = new CallbackPolicy(3, Duration.ofMinutes(2));

  public CallbackPolicy {
    InvalidInputException.require(retryDelay, "retryDelay");
    if (maxAttempts < 1 || maxAttempts > 10) {
      throw new InvalidInputException("callback maxAttempts must be 1..10, got " + maxAttempts);
    }
    if (retryDelay.isNegative()) {
      throw new InvalidInputException("callback retryDelay must not be negative");
    }
  }
}
