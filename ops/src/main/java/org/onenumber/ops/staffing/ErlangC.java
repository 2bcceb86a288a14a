package org.onenumber.ops.staffing;

import org.onenumber.core.error.InvalidInputException;

/**
 * The Erlang C model (M/M/N, infinite patience). With offered load A = λ × AHT erlangs and N
 * agents:
 *
 * <ol>
 *   <li>Erlang B by recurrence: B(0) = 1, B(k) = A·B(k−1) ÷ (k + A·B(k−1));
 *   <li>probability of waiting C = N·B(N) ÷ (N − A·(1 − B(N))), 1 when N ≤ A;
 *   <li>service level P(wait ≤ T) = 1 − C·e^(−(N − A)·T ÷ AHT);
 *   <li>ASA = C·AHT ÷ (N − A);
 *   <li>occupancy = A ÷ N.
 * </ol>
 *
 * Stateless and thread-safe; O(N) per figure, stable for N in the tens of thousands.
 */
public final class ErlangC {

  private ErlangC() {}

  /** Erlang B blocking probability for load {@code a} on {@code n} servers. */
  public static double erlangB(double a, int n) {
    requireLoad(a, n);
    double b = 1.0;
    for (int k = 1; k <= n; k++) {
      b = a * b / (k + a * b);
    }
    return b;
  }

  /** The probability that a contact waits at all. */
  public static double probabilityOfWaiting(double a, int n) {
    if (n <= a) {
      return 1.0;
    }
    double b = erlangB(a, n);
    return n * b / (n - a * (1 - b));
  }

  /** The share answered within {@code thresholdSeconds}; 0 when the queue is unstable. */
  public static double serviceLevel(double a, int n, double ahtSeconds, double thresholdSeconds) {
    if (n <= a) {
      return 0.0;
    }
    return 1 - probabilityOfWaiting(a, n) * Math.exp(-(n - a) * thresholdSeconds / ahtSeconds);
  }

  /** Average speed of answer in seconds; infinite when the queue is unstable. */
  public static double asaSeconds(double a, int n, double ahtSeconds) {
    if (n <= a) {
      return Double.POSITIVE_INFINITY;
    }
    return probabilityOfWaiting(a, n) * ahtSeconds / (n - a);
  }

  private static void requireLoad(double a, int n) {
    if (!(a >= 0) || Double.isInfinite(a) || n < 0) {
      throw new InvalidInputException("load must be finite and ≥ 0 and agents ≥ 0, got A=" + a + " N=" + n);
    }
  }
}
