package org.onenumber.core.analytics;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * One contact or case as analytics sees it: when, its category code (or {@code null} when not yet
 * classified), where ({@code NaN} latitude/longitude when not located), and the opaque id of the
 * contact it is ({@code subject}, or {@code null}): a later observation of a subject already counted
 * in the open period moves it to its new category instead of counting it again (the operator's
 * disposition). No personal data.
 */
public record Observation(Instant at, String category, double latitude, double longitude, String subject) {

  /** An observation of no particular subject (never moved). */
  public Observation(Instant at, String category, double latitude, double longitude) {
    this(at, category, latitude, longitude, null);
  }

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

  /** An unlocated observation of one subject (a contact's id). */
  public static Observation of(String subject, Instant at, String category) {
    return new Observation(at, category, Double.NaN, Double.NaN, subject);
  }

  /** The same subject, time and place under another category. */
  public Observation recategorized(String newCategory) {
    return new Observation(at, newCategory, latitude, longitude, subject);
  }

  public boolean located() {
    return located(latitude, longitude);
  }

  private static boolean located(double lat, double lon) {
    return !Double.isNaN(lat) && !Double.isNaN(lon);
  }
}
