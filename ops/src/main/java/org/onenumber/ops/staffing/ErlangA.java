package org.onenumber.ops.staffing;

import org.onenumber.core.error.InvalidInputException;

/**
 * The Erlang A model (M/M/N+M, Palm's queue with impatient callers): arrivals at rate λ, service
 * at rate μ = 1 ÷ AHT per agent, each waiting caller gives up at rate θ = 1 ÷ average patience.
 * For N agents the figures are computed in four steps (the code mirrors them):
 *
 * <ol>
 *   <li>the stationary distribution of contacts in the system, π(n) ∝ Π λ ÷ d(i) with
 *       d(i) = min(i, N)·μ + max(i − N, 0)·θ, in log space and truncated where the tail is
 *       negligible; arrivals see π (PASTA);
 *   <li>abandonment P(ab) = θ·E[queue] ÷ λ, mean wait of all arrivals E[queue] ÷ λ (Little),
 *       occupancy E[busy agents] ÷ N;
 *   <li>for an arrival with k callers ahead, u(k, t) = P(answered by t) solves
 *       u'(k) = r(k)·(u(k−1) − u(k)) − θ·u(k), r(k) = N·μ + k·θ, u(−1) = 1, u(k, 0) = 0,
 *       integrated with fourth-order Runge–Kutta;
 *   <li>service level (answered within T ÷ offered) = P(no wait) + Σ π(N + k)·u(k, T).
 * </ol>
 *
 * Immutable and thread-safe.
 */
public final class ErlangA {

  /** The figures of one staffing level. */
  public record Result(int agents, double serviceLevel, double abandonProbability, double averageWaitSeconds,
      double occupancy, double probabilityOfWaiting) {}

  private final double lambda;
  private final double mu;
  private final double theta;

  /**
   * @param arrivalsPerSecond λ
   * @param ahtSeconds average handle time, 1 ÷ μ
   * @param patienceSeconds average patience, 1 ÷ θ
   */
  public ErlangA(double arrivalsPerSecond, double ahtSeconds, double patienceSeconds) {
    if (!(arrivalsPerSecond >= 0) || !(ahtSeconds > 0) || !(patienceSeconds > 0)) {
      throw new InvalidInputException("Erlang A needs λ ≥ 0, AHT > 0 and patience > 0");
    }
    this.lambda = arrivalsPerSecond;
    this.mu = 1 / ahtSeconds;
    this.theta = 1 / patienceSeconds;
  }

  public Result evaluate(int agents, double thresholdSeconds) {
    if (agents < 1) {
      throw new InvalidInputException("agents must be at least 1, got " + agents);
    }
    double[] pi = stationary(agents);
    double noWait = 0;
    double queue = 0;
    double busy = 0;
    for (int n = 0; n < pi.length; n++) {
      noWait += n < agents ? pi[n] : 0;
      queue += Math.max(n - agents, 0) * pi[n];
      busy += Math.min(n, agents) * pi[n];
    }
    double[] answeredBy = answeredWithin(agents, pi.length - agents - 1, thresholdSeconds);
    double withinT = noWait;
    for (int k = 0; k < answeredBy.length; k++) {
      withinT += pi[agents + k] * answeredBy[k];
    }
    double abandon = lambda == 0 ? 0 : theta * queue / lambda;
    double wait = lambda == 0 ? 0 : queue / lambda;
    return new Result(agents, Math.min(1, withinT), abandon, wait, busy / agents, 1 - noWait);
  }

  private double[] stationary(int agents) {
    int cap = agents + 100 + (int) Math.min(1_000_000, Math.ceil(6 * lambda / theta));
    double[] log = new double[cap + 1];
    double max = 0;
    int last = cap;
    for (int n = 1; n <= cap; n++) {
      double death = Math.min(n, agents) * mu + Math.max(n - agents, 0) * theta;
      log[n] = log[n - 1] + Math.log(lambda) - Math.log(death);
      max = Math.max(max, log[n]);
      if (n > agents && log[n] < max - 40) {
        last = n;
        break;
      }
    }
    double[] pi = new double[last + 1];
    double sum = 0;
    for (int n = 0; n <= last; n++) {
      pi[n] = lambda == 0 ? (n == 0 ? 1 : 0) : Math.exp(log[n] - max);
      sum += pi[n];
    }
    for (int n = 0; n <= last; n++) {
      pi[n] /= sum;
    }
    return pi;
  }

  private double[] answeredWithin(int agents, int ahead, double t) {
    double[] u = new double[Math.max(ahead + 1, 0)];
    if (u.length == 0 || t <= 0) {
      return u;
    }
    double maxRate = agents * mu + ahead * theta + theta;
    int steps = (int) Math.max(200, Math.ceil(t * maxRate / 0.5));
    double h = t / steps;
    for (int s = 0; s < steps; s++) {
      double[] k1 = derivative(u, agents);
      double[] k2 = derivative(axpy(u, k1, h / 2), agents);
      double[] k3 = derivative(axpy(u, k2, h / 2), agents);
      double[] k4 = derivative(axpy(u, k3, h), agents);
      for (int k = 0; k < u.length; k++) {
        u[k] += h / 6 * (k1[k] + 2 * k2[k] + 2 * k3[k] + k4[k]);
      }
    }
    return u;
  }

  private double[] derivative(double[] u, int agents) {
    double[] d = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      double previous = k == 0 ? 1 : u[k - 1];
      d[k] = (agents * mu + k * theta) * (previous - u[k]) - theta * u[k];
    }
    return d;
  }

  private static double[] axpy(double[] u, double[] d, double h) {
    double[] r = new double[u.length];
    for (int k = 0; k < u.length; k++) {
      r[k] = u[k] + h * d[k];
    }
    return r;
  }
}
