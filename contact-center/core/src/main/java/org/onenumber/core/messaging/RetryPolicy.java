package org.onenumber.core.messaging;

import java.time.Duration;

/**
 * How often and how far apart a retriable send is tried again. Attempt n (1-based) that fails is
 * followed by a wait of {@code min(maxDelay, baseDelay · 2^(n-1))}, of which a random half is
 * jitter (so a burst of failures does not retry in step). After {@code maxAttempts} failed
 * attempts the message is dead-lettered. {@code claim} is how long an attempt in progress holds
 * its message: after a crash mid-attempt, the message is tried again once the claim runs out.
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration claim) {

  /** One attempt, no retry: the behaviour without an outbox. */
  public static final RetryPolicy NO_RETRY = new RetryPolicy(1, Duration.ofSeconds(1), Duration.ofSeconds(1),
      Duration.ofMinutes(1));

  public RetryPolicy {
    if (maxAttempts < 1 || baseDelay.isNegative() || baseDelay.isZero() || maxDelay.compareTo(baseDelay) < 0
        || claim.isNegative() || claim.isZero()) {
      throw new IllegalArgumentException("retry policy needs maxAttempts >= 1 and 0 < baseDelay <= maxDelay, claim > 0");
    }
  }

  /** The wait after failed attempt {@code attempt} (1-based), given a random {@code unit} in [0, 1). */
  public Duration delayAfter(int attempt, double unit) {
    long base = baseDelay.toMillis();
    long capped = attempt >= 31 ? maxDelay.toMillis() : Math.min(maxDelay.toMillis(), base << (attempt - 1));
    return Duration.ofMillis(capped / 2 + (long) (capped / 2.0 * unit));
  }
}
