package org.onenumber.core.analytics;

import java.util.HashMap;
import java.util.Map;

/**
 * Each key's own baseline rate per period: an EWMA of its counts in the closed periods, with
 * Adam-style bias correction ({@code ewma / (1 - (1 - w)^n)}, n = periods closed since the
 * stream's first) so a short history is not read as a quiet one. A key first seen late had zero
 * counts before. Live and batch close periods through this one class, so they agree to the bit.
 * Not thread-safe.
 */
final class Baselines {

  private final double weight;
  private final Map<String, double[]> ewma = new HashMap<>();
  private int closed;
  private double decay = 1;

  Baselines(double weight) {
    this.weight = weight;
  }

  /** Periods closed so far. */
  int closed() {
    return closed;
  }

  /** Keys with a baseline (seen in a closed period): the family a period's alpha is shared by. */
  int known() {
    return ewma.size();
  }

  /** The bias-corrected expected count per period, or 0 before the first closed period. */
  double expected(String key) {
    double[] e = ewma.get(key);
    return e == null || closed == 0 ? 0 : e[0] / (1 - decay);
  }

  /**
   * How many periods of evidence the baseline holds: {@code (1-d)(2-w) / (w(1+d))} with
   * {@code d = (1-w)^n}, the effective sample size of the bias-corrected EWMA (n for small n,
   * {@code (2-w)/w} in the long run). 0 before the first closed period.
   */
  double periods() {
    return closed == 0 ? 0 : (1 - decay) * (2 - weight) / (weight * (1 + decay));
  }

  /** Folds one closed period's counts into every key's EWMA (absent keys counted 0). */
  void close(Map<String, int[]> counts) {
    double keep = 1 - weight;
    for (Map.Entry<String, double[]> e : ewma.entrySet()) {
      int[] c = counts.get(e.getKey());
      e.getValue()[0] = keep * e.getValue()[0] + weight * (c == null ? 0 : c[0]);
    }
    for (Map.Entry<String, int[]> c : counts.entrySet()) {
      ewma.computeIfAbsent(c.getKey(), k -> new double[] {weight * c.getValue()[0]});
    }
    closed++;
    decay *= keep;
  }
}
