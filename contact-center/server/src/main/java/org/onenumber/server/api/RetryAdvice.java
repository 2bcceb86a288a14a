package org.onenumber.server.api;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/**
 * How long a channel told to retry (a dependency such as the database is down) should wait:
 * {@code onenumber.outage.retry-after-seconds}, default 5. It goes out as the {@code Retry-After}
 * header of every 503 and as {@code retryAfter} in a chat socket's {@code unavailable} error frame.
 * Twilio retries a 503 on its own schedule; browsers and integrations read the hint.
 */
@Singleton
public final class RetryAdvice {

  private final int seconds;

  public RetryAdvice(@Value("${onenumber.outage.retry-after-seconds:5}") int seconds) {
    this.seconds = Math.max(1, seconds);
  }

  /** Seconds to wait before retrying, at least 1. */
  public int seconds() {
    return seconds;
  }
}
