package org.onenumber.core.reform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The volume of an issue's category before and after its fix: the contacts in the
 * {@code window} before {@code fixedAt}, and from {@code fixedAt} to the end of the same window
 * after it or {@code now}, whichever is earlier; each also per day, so an after-period still
 * running compares fairly. {@code change} is the relative change of the daily rate (−0.4 = 40 %
 * fewer), null when there was nothing before or no time after. Pure; thread-safe.
 */
public record BeforeAfter(Instant fixedAt, Duration window, int before, int after, double beforePerDay,
    double afterPerDay, Double change) {

  /** The figures from the instants at which the category's contacts were created. */
  public static BeforeAfter of(List<Instant> created, Instant fixedAt, Duration window, Instant now) {
    Instant from = fixedAt.minus(window);
    Instant until = fixedAt.plus(window).isBefore(now) ? fixedAt.plus(window) : now;
    int before = 0;
    int after = 0;
    for (Instant at : created) {
      if (!at.isBefore(from) && at.isBefore(fixedAt)) {
        before++;
      } else if (!at.isBefore(fixedAt) && at.isBefore(until)) {
        after++;
      }
    }
    double beforeDays = window.toSeconds() / 86_400.0;
    double afterDays = Math.max(0, Duration.between(fixedAt, until).toSeconds()) / 86_400.0;
    double beforeRate = before / beforeDays;
    Double afterRate = afterDays == 0 ? null : after / afterDays;
    Double change = afterRate == null || before == 0 ? null : afterRate / beforeRate - 1;
    return new BeforeAfter(fixedAt, window, before, after, round(beforeRate), afterRate == null ? 0 : round(afterRate),
        change == null ? null : round(change));
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }
}
