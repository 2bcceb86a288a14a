package org.onenumber.core.analytics;

import java.time.Duration;
import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * How emerging issues are judged.
 *
 * @param origin      a period boundary (periods are {@code origin + n * period}); the city's midnight
 * @param period      the counting period (a day by default)
 * @param alpha       the family-wise significance level per period (0.01)
 * @param weight      the EWMA weight of the newest closed period (0.1: about 19 periods of memory)
 * @param warmup      periods of history before any alert (7)
 * @param prior       pseudo-events added to every key's history, so an empty history does not make 2 a crowd
 * @param minCount    the least count that can alert
 * @param cellDegrees the hotspot grid's cell size in degrees of latitude and longitude
 * @param areaDegrees the burst areas' cell size in degrees (bursts are also counted city-wide)
 */
public record SurveillanceSettings(Instant origin, Duration period, double alpha, double weight, int warmup,
    double prior, int minCount, double cellDegrees, double areaDegrees) {

  public SurveillanceSettings {
    InvalidInputException.require(origin, "origin");
    InvalidInputException.require(period, "period");
    if (period.toSeconds() < 60) {
      throw new InvalidInputException("period must be at least a minute");
    }
    if (!(alpha > 0 && alpha < 1) || !(weight > 0 && weight <= 1) || warmup < 0 || !(prior > 0) || minCount < 1
        || !(cellDegrees > 0) || !(areaDegrees > 0)) {
      throw new InvalidInputException("alpha and weight within (0,1], warmup >= 0, prior > 0, minCount >= 1, cell sizes > 0");
    }
  }

  /** Days from midnight at UTC+9, p &lt; 0.01, weight 0.1, prior 0.5, a week's warm-up, ~1.1 km cells, ~5.5 km areas. */
  public static SurveillanceSettings daily() {
    return new SurveillanceSettings(Instant.parse("1969-12-31T15:00:00Z"), Duration.ofDays(1), 0.01, 0.1, 7, 0.5, 3,
        0.01, 0.05);
  }

  /** The period index of an instant (floor division, so instants before the origin work too). */
  public long periodOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond() - origin.getEpochSecond(), period.toSeconds());
  }

  public Instant periodStart(long index) {
    return origin.plusSeconds(index * period.toSeconds());
  }
}
