package org.onenumber.server.faults;

import java.util.Arrays;
import java.util.Collection;

/** The 99th percentile of measured nanoseconds, in milliseconds (NaN when nothing was measured), for the server benches. */
final class Percentile {

  private Percentile() {}

  static double p99Millis(Collection<Long> nanos) {
    return p99Millis(nanos.stream().mapToLong(Long::longValue).toArray());
  }

  static double p99Millis(long[] nanos) {
    if (nanos.length == 0) {
      return Double.NaN;
    }
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)] / 1e6;
  }
}
