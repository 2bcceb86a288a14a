package org.onenumber.core.analytics;

import java.time.Instant;

/**
 * An alert: in the period starting {@code periodStart}, {@code key}'s count reached {@code count}
 * at {@code at}, while its baseline expected {@code baseline}; {@code pValue} is P(X ≥ count) under
 * Poisson(baseline), below the period's per-key threshold.
 */
public record EmergingIssue(Kind kind, String key, Instant periodStart, Instant at, int count, double baseline,
    double pValue) {

  /** A spatial hotspot (a grid cell) or a temporal burst (a category in an area). */
  public enum Kind { HOTSPOT, BURST }
}
