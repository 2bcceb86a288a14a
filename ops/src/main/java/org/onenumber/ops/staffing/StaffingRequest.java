package org.onenumber.ops.staffing;

import java.util.List;
import org.onenumber.core.error.InvalidInputException;

/**
 * A forecast to staff: contacts expected per interval and how they behave, and the target.
 *
 * @param volumes contacts forecast in each interval, in order
 * @param intervalMinutes length of one interval (15, 30 or 60)
 * @param ahtSeconds average handle time (talk + hold + wrap-up)
 * @param targetServiceLevel e.g. 0.8 for 80%
 * @param thresholdSeconds T of "answered within T", e.g. 15
 * @param patienceSeconds average patience; 0 means callers never give up (Erlang C), more means
 *     Erlang A
 */
public record StaffingRequest(List<Double> volumes, int intervalMinutes, double ahtSeconds,
    double targetServiceLevel, double thresholdSeconds, double patienceSeconds) {

  /** A week of 15-minute intervals. */
  public static final int MAX_INTERVALS = 672;
  /**
   * The largest offered load (volume × AHT ÷ interval) planned in one interval: the planning cost
   * grows faster than the load (a million contacts in one interval took a core for two minutes),
   * and 25,000 erlangs is beyond the largest contact centers.
   */
  public static final double MAX_ERLANGS = 25_000;

  public StaffingRequest {
    volumes = List.copyOf(InvalidInputException.require(volumes, "volumes"));
    if (volumes.isEmpty() || volumes.stream().anyMatch(v -> v == null || !(v >= 0) || v > 1e7)) {
      throw new InvalidInputException("volumes must be a non-empty list of numbers 0..10,000,000");
    }
    if (intervalMinutes < 1 || intervalMinutes > 1440) {
      throw new InvalidInputException("intervalMinutes must be 1..1440, got " + intervalMinutes);
    }
    if (!(ahtSeconds > 0) || ahtSeconds > 86_400) {
      throw new InvalidInputException("ahtSeconds must be 0..86400, got " + ahtSeconds);
    }
    if (!(targetServiceLevel > 0) || !(targetServiceLevel < 1)) {
      throw new InvalidInputException("targetServiceLevel must be between 0 and 1 exclusive, got " + targetServiceLevel);
    }
    if (!(thresholdSeconds >= 0) || !(patienceSeconds >= 0)) {
      throw new InvalidInputException("thresholdSeconds and patienceSeconds must be ≥ 0");
    }
    if (volumes.size() > MAX_INTERVALS) {
      throw new InvalidInputException("volumes may list at most " + MAX_INTERVALS + " intervals");
    }
    double peak = volumes.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    if (peak * ahtSeconds / (intervalMinutes * 60.0) > MAX_ERLANGS) {
      throw new InvalidInputException("the busiest interval's load (volume × ahtSeconds ÷ interval) exceeds "
          + (int) MAX_ERLANGS + " erlangs");
    }
  }

  public boolean erlangA() {
    return patienceSeconds > 0;
  }
}
