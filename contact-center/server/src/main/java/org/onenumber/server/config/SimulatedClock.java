package org.onenumber.server.config;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import org.onenumber.core.error.IllegalTransitionException;

/**
 * Trace time for a replayed city day: starts at a chosen instant and runs at {@code speedup}
 * trace seconds per wall second, measured on a monotonic nanosecond counter (so a wall-clock
 * step does not move trace time). Instants are truncated to microseconds like {@link MicrosClock}.
 * {@link #moveTo} sets it forward (never back), so a replay can begin its day a short margin after
 * the server is ready, however long the start took. Thread-safe (the anchor is swapped atomically;
 * the counter is read per call).
 */
final class SimulatedClock implements InstantSource {

  /** The clock reads {@code at} when the counter reads {@code originNanos}. */
  private record Anchor(Instant at, long originNanos) {}

  private final double speedup;
  private final LongSupplier nanos;
  private final AtomicReference<Anchor> anchor;

  SimulatedClock(Instant start, double speedup, LongSupplier nanos) {
    if (!(speedup > 0) || Double.isInfinite(speedup)) {
      throw new IllegalArgumentException("speed-up must be a positive number, got " + speedup);
    }
    this.speedup = speedup;
    this.nanos = nanos;
    this.anchor = new AtomicReference<>(new Anchor(start, nanos.getAsLong()));
  }

  @Override
  public Instant instant() {
    Anchor a = anchor.get();
    long traceNanos = Math.round((nanos.getAsLong() - a.originNanos()) * speedup);
    return a.at().plusNanos(traceNanos).truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Makes the clock read {@code target} now and run on from there at the same speed-up; returns
   * what it read before. Refused ({@link IllegalTransitionException}, nothing changed) when {@code
   * target} lies before the clock's reading: stamps already made must never lie in its future.
   */
  synchronized Instant moveTo(Instant target) {
    Instant now = instant();
    if (target.isBefore(now)) {
      throw new IllegalTransitionException("the simulated clock (it only moves forward)", now, target);
    }
    anchor.set(new Anchor(target, nanos.getAsLong()));
    return now;
  }

  double speedup() {
    return speedup;
  }

  /** The wall time in which {@code trace} passes on this clock, at least one millisecond. */
  long wallMillis(Duration trace) {
    return Math.max(1, (long) Math.ceil(trace.toNanos() / speedup / 1e6));
  }
}
