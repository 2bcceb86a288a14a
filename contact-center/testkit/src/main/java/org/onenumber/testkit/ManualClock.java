package org.onenumber.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when told: a 15-second service level is tested without waiting. */
public final class ManualClock implements InstantSource {

  private Instant now;

  public ManualClock(Instant start) {
    this.now = start;
  }

  /** Starts at 2026-11-23T09:00:00Z, a Monday morning in Seoul's working day (18:00 KST). */
  public ManualClock() {
    this(Instant.parse("2026-11-23T00:00:00Z"));
  }

  @Override
  public synchronized Instant instant() {
    return now;
  }

  public synchronized Instant advance(Duration by) {
    if (by.isNegative()) {
      throw new IllegalArgumentException("time does not go backwards: " + by);
    }
    now = now.plus(by);
    return now;
  }

  public Instant advanceSeconds(long seconds) {
    return advance(Duration.ofSeconds(seconds));
  }
}
