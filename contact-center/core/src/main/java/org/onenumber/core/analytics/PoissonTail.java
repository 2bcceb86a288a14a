package org.onenumber.core.analytics;

/**
 * Upper tails of counts, summed in log space so that rates in the thousands do not underflow:
 * Poisson(λ), and the predictive count of a period after a history (negative binomial: a Poisson
 * rate learnt from {@code history} events over {@code periods} periods, Gamma posterior with shape
 * {@code history}, so an uncertain baseline does not pass for a certain one). Pure functions.
 */
public final class PoissonTail {

  private PoissonTail() {}

  /** P(X ≥ k). */
  public static double atLeast(int k, double lambda) {
    if (k <= 0) {
      return 1.0;
    }
    double logPmf = -lambda;
    double logLambda = Math.log(lambda);
    double cdf = 0;
    for (int i = 0; i < k; i++) {
      if (i > 0) {
        logPmf += logLambda - Math.log(i);
      }
      cdf += Math.exp(logPmf);
    }
    return Math.max(0, 1 - cdf);
  }

  /** The least count {@code k ≥ minCount} with P(X ≥ k) &lt; {@code threshold} (> 0), and that tail. */
  public static Threshold threshold(double lambda, double threshold, int minCount) {
    double logPmf = -lambda;
    double logLambda = Math.log(lambda);
    double cdf = 0;
    for (int k = 0; ; k++) {
      double tail = Math.max(0, 1 - cdf);
      if (k >= minCount && tail < threshold) {
        return new Threshold(k, tail);
      }
      if (k > 0) {
        logPmf += logLambda - Math.log(k);
      }
      cdf += Math.exp(logPmf);
    }
  }

  /**
   * The least count {@code k ≥ minCount} whose predictive tail P(X ≥ k) is below {@code threshold},
   * after {@code history} events (plus prior, &gt; 0) in {@code periods} (&gt; 0) periods.
   */
  public static Threshold predictiveThreshold(double history, double periods, double threshold, int minCount) {
    double p = periods / (periods + 1);
    double logPmf = history * Math.log(p);
    double logQ = Math.log1p(-p);
    double cdf = 0;
    for (int k = 0; ; k++) {
      double tail = Math.max(0, 1 - cdf);
      if (k >= minCount && tail < threshold) {
        return new Threshold(k, tail);
      }
      if (k > 0) {
        logPmf += Math.log((k - 1 + history) / k) + logQ;
      }
      cdf += Math.exp(logPmf);
    }
  }

  /** The least alerting count and its upper-tail probability. */
  public record Threshold(int count, double pValue) {}
}
