package org.onenumber.server.config;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.function.LongSupplier;

/**
 * Trace time for a replayed city day: starts at a chosen instant and runs at {@code speedup}
 * trace seconds per wall second, measured on a monotonic nanosecond counter (so a wall-clock
 * step does not move trace time). Instants are truncated to microseconds like {@link MicrosClock}.
 * Thread-safe (immutable; the counter is read per call).
 */
final class SimulatedClock implements InstantSource {

  private final Instant start;
  private final double speedup;
  private final LongSupplier nanos;
  private final long originNanos;

  SimulatedClock(Instant start, double speedup, LongSupplier nanos) {
    if (!(speedup > 0) || Double.isInfinite(speedup)) {
      throw new IllegalArgumentException("speed-up must be a positive number, got " + speedup);
    }
    this.start = start;
    this.speedup = speedup;
    this.nanos = nanos;
    this.originNanos = nanos.getAsLong();
  }

  @Override
  public Instant instant() {
    long traceNanos = Math.round((nanos.getAsLong() - originNanos) * speedup);
    return start.plusNanos(traceNanos).truncatedTo(ChronoUnit.MICROS);
  }

  double speedup() {
    return speedup;
  }

  /** The wall time in which {@code trace} passes on this clock, at least one millisecond. */
  long wallMillis(Duration trace) {
    return Math.max(1, (long) Math.ceil(trace.toNanos() / speedup / 1e6));
  }
}
