package org.onenumber.ops.simulator;

import java.util.SplittableRandom;

/**
 * How a caller who hears the IVR's {@code lines-busy} prompt and is hung up calls back (the call
 * lane was full: the server's admission control, issue #17; the call never became a contact). A
 * real caller dials again a few minutes later: here after a delay drawn uniformly between {@link
 * #MIN_DELAY_S} and {@link #MAX_DELAY_S} trace seconds, at most {@link #MAX_REDIALS} times (so
 * {@code MAX_REDIALS + 1} calls in all); busy on the last one too, the caller gives up. The draws
 * are seeded per arrival (the run's seed and the arrival's number), so a run is repeatable
 * whatever order the calls run in. The redialled call waits on hold with the arrival's
 * patience; its wait, as the server's, counts from the call that got through (the busy tries are
 * counted apart: {@link SimulationLedger#redials}, {@link SimulationLedger#gaveUp}). Immutable.
 */
final class Redials {

  static final double MIN_DELAY_S = 60;
  static final double MAX_DELAY_S = 300;
  static final int MAX_REDIALS = 3;

  private final SplittableRandom random;

  /** The redials of arrival number {@code n} of a run seeded {@code seed}. */
  Redials(long seed, long n) {
    this.random = new SplittableRandom(seed ^ (n * 0x9E37_79B9_7F4A_7C15L));
  }

  /** Trace seconds before the next try (not thread-safe: one caller's continuations draw, one after another). */
  double nextDelaySeconds() {
    return MIN_DELAY_S + random.nextDouble() * (MAX_DELAY_S - MIN_DELAY_S);
  }

  /** Whether a caller who has already redialled {@code redialled} times calls again. */
  static boolean callsAgain(int redialled) {
    return redialled < MAX_REDIALS;
  }
}
