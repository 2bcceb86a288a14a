package org.onenumber.core.analytics;

import java.util.HashMap;
import java.util.Map;

/**
 * One family of keys (hotspot cells, or category bursts) under test: baselines, the open period's
 * counts, and each key's alerting threshold for the open period (computed when its count first
 * reaches {@code minCount}, from the baseline and the family size known at the period's start).
 * Shared by the live and the batch fold. Not thread-safe.
 */
final class Family {

  final EmergingIssue.Kind kind;
  private final SurveillanceSettings settings;
  private final Baselines baselines;
  private int familySize = 1;

  Family(EmergingIssue.Kind kind, SurveillanceSettings settings) {
    this.kind = kind;
    this.settings = settings;
    this.baselines = new Baselines(settings.weight());
  }

  /** Starts counting a new period after {@code closedCounts} closed the previous one. */
  void close(Map<String, int[]> closedCounts) {
    baselines.close(closedCounts);
    familySize = Math.max(1, baselines.known());
  }

  /** True when alerts may be raised in the open period (enough history). */
  boolean warm() {
    return baselines.closed() >= settings.warmup();
  }

  /**
   * The open period's threshold for a key: the predictive (negative binomial) tail after the
   * key's history, {@code expected * periods} events plus the prior, in {@code periods} periods;
   * the family's alpha shared equally by the keys known at the period's start (Bonferroni).
   */
  PoissonTail.Threshold threshold(String key) {
    double periods = baselines.periods();
    return PoissonTail.predictiveThreshold(baselines.expected(key) * periods + settings.prior(), periods,
        settings.alpha() / familySize, settings.minCount());
  }

  /** The predictive mean count of the open period. */
  double baseline(String key) {
    double periods = baselines.periods();
    return (baselines.expected(key) * periods + settings.prior()) / periods;
  }

  static Map<String, int[]> newCounts() {
    return new HashMap<>();
  }
}
