package org.onenumber.core.analytics;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * One contact or case as analytics sees it: when, its category code (or {@code null} when not yet
 * classified), and where ({@code NaN} latitude/longitude when not located). No personal data.
 */
public record Observation(Instant at, String category, double latitude, double longitude) {

  public Observation {
    InvalidInputException.require(at, "at");
    if (located(latitude, longitude) && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) {
      throw new InvalidInputException("latitude/longitude out of range");
    }
  }

  /** An observation without a place. */
  public static Observation unlocated(Instant at, String category) {
    return new Observation(at, category, Double.NaN, Double.NaN);
  }

  public boolean located() {
    return located(latitude, longitude);
  }

  private static boolean located(double lat, double lon) {
    return !Double.isNaN(lat) && !Double.isNaN(lon);
  }
}
