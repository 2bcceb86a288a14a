package org.onenumber.core.analytics;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * One contact or case as analytics sees it: when, its category code (or {@code null} when not yet
 * classified), where ({@code NaN} latitude/longitude when not located), and the opaque id of the
 * contact it is ({@code subject}, or {@code null}): a later observation of a subject already counted
 * in the open period corrects it instead of counting it again — a new category (the operator's
 * disposition) or a place learned later ({@link #correctedBy}). No personal data.
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

  /**
   * This subject as {@code later} corrects it: the later category when it has one (a disposition),
   * the later place when it has one (a place learned after intake); the time stays the contact's.
   */
  public Observation correctedBy(Observation later) {
    String c = later.category() != null ? later.category() : category;
    return later.located() ? new Observation(at, c, later.latitude(), later.longitude(), subject)
        : new Observation(at, c, latitude, longitude, subject);
  }

  public boolean located() {
    return located(latitude, longitude);
  }

  private static boolean located(double lat, double lon) {
    return !Double.isNaN(lat) && !Double.isNaN(lon);
  }
}
