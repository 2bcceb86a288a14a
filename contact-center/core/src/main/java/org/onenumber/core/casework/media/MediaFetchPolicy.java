package org.onenumber.core.casework.media;

import java.time.Duration;

/**
 * How media jobs are retried.
 *
 * @param maxAttempts tries before a job fails for good (timeouts, unreachable hosts, 5xx)
 * @param baseDelay the wait after the first failed try; doubled after each, up to {@code maxDelay}
 * @param lease how long a worker holds a job it took (another worker takes it after)
 * @param waitForCase how long an MMS picture waits for its contact to become a case
 * @param caseCheckEvery how often a picture waiting for its case looks again
 */
public record MediaFetchPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration lease,
    Duration waitForCase, Duration caseCheckEvery) {

  /** Five tries from one minute to an hour apart; pictures wait a week for their case. */
  public static final MediaFetchPolicy DEFAULT = new MediaFetchPolicy(5, Duration.ofMinutes(1),
      Duration.ofHours(1), Duration.ofMinutes(2), Duration.ofDays(7), Duration.ofMinutes(5));

  public MediaFetchPolicy {
    if (maxAttempts < 1 || baseDelay.isNegative() || maxDelay.compareTo(baseDelay) < 0 || lease.isNegative()
        || waitForCase.isNegative() || caseCheckEvery.isNegative()) {
      throw new IllegalArgumentException("media fetch policy out of range");
    }
  }

  /** The wait after failed try number {@code attempt} (1-based). */
  public Duration delayAfter(int attempt) {
    Duration d = baseDelay;
    for (int i = 1; i < attempt && d.compareTo(maxDelay) < 0; i++) {
      d = d.multipliedBy(2);
    }
    return d.compareTo(maxDelay) > 0 ? maxDelay : d;
  }
}
