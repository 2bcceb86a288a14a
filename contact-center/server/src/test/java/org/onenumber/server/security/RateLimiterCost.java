package org.onenumber.server.security;

import java.util.Arrays;

/**
 * The cost of one rate-limit decision ({@link RateLimits#take}) as a request filter pays it, for
 * {@code bin/bench security}: Bucket4j buckets per address in Caffeine, the server's default
 * limits, callers spread over many addresses (most allowed, a few flooding and refused).
 */
public final class RateLimiterCost {

  private RateLimiterCost() {}

  /** Nanoseconds of each of {@code calls} decisions (after as many for warm-up) over {@code addresses} addresses. */
  public static long[] measure(int calls, int addresses) {
    RateLimits limits = new RateLimits(60, 20, 30, 10, 120, 600, 30, 600);
    run(limits, calls, addresses);
    return run(limits, calls, addresses);
  }

  private static long[] run(RateLimits limits, int calls, int addresses) {
    long[] nanos = new long[calls];
    long refused = 0;
    for (int i = 0; i < calls; i++) {
      // One address in ten is a flooder (always refused once its burst is spent); the rest rotate.
      String address = i % 10 == 0 ? "203.0.113.9" : "10.0." + (i % addresses / 250) + "." + (i % addresses % 250);
      long t0 = System.nanoTime();
      refused += limits.take(RateLimits.Rule.INTAKE, address).isPresent() ? 1 : 0;
      nanos[i] = System.nanoTime() - t0;
    }
    if (refused == 0) {
      throw new IllegalStateException("the flooding address was never refused: the limit is not being measured");
    }
    return nanos;
  }

  /** The {@code q} quantile (0..1) of {@code nanos}, in microseconds. */
  public static double quantileMicros(long[] nanos, double q) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * q) - 1)] / 1e3;
  }
}
