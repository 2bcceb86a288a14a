package org.onenumber.knowledge.bench;

import java.util.Arrays;

/** Recorded durations in nanoseconds, with percentiles. Not thread-safe: one per client thread. */
final class Latencies {

  private long[] nanos = new long[1024];
  private int size;

  void add(long n) {
    if (size == nanos.length) {
      nanos = Arrays.copyOf(nanos, size * 2);
    }
    nanos[size++] = n;
  }

  int count() {
    return size;
  }

  /** The {@code p}-th percentile (0..100) in microseconds, nearest-rank. */
  long percentileMicros(double p) {
    if (size == 0) {
      return 0;
    }
    long[] sorted = Arrays.copyOf(nanos, size);
    Arrays.sort(sorted);
    int rank = (int) Math.ceil(p / 100.0 * size);
    return sorted[Math.max(0, Math.min(size - 1, rank - 1))] / 1_000;
  }
}
