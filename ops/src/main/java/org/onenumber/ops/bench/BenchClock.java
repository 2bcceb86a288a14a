package org.onenumber.ops.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** Simulated time for benchmarks: moves only when the driver says. Single-threaded. */
final class BenchClock implements InstantSource {

  private Instant now = Instant.parse("2026-11-23T00:00:00Z");

  @Override
  public Instant instant() {
    return now;
  }

  void advance(Duration by) {
    now = now.plus(by);
  }
}
