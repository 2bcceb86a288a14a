package org.onenumber.core.casework;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;
import org.onenumber.core.error.InvalidInputException;

/**
 * The city's working days: a zone, the weekend days and the holidays. Adding {@code n} working days
 * to an instant, the cases:
 *
 * <ol>
 *   <li>The instant falls on a working day: the result is the same local time {@code n} working days
 *       later (Friday 10:00 plus 1 is Monday 10:00).
 *   <li>The instant falls on a weekend or holiday: counting starts at the next working day's
 *       midnight, so a Saturday request with 1 working day is due Tuesday 00:00 (end of Monday).
 * </ol>
 *
 * Immutable.
 */
public record WorkingDays(ZoneId zone, Set<DayOfWeek> weekend, Set<LocalDate> holidays) {

  public WorkingDays {
    InvalidInputException.require(zone, "zone");
    weekend = weekend == null || weekend.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(weekend));
    holidays = Set.copyOf(holidays == null ? Set.of() : holidays);
    if (weekend.size() >= 7) {
      throw new InvalidInputException("a week needs at least one working day");
    }
  }

  /** Saturday and Sunday off, plus {@code holidays}. */
  public static WorkingDays weekdays(ZoneId zone, Set<LocalDate> holidays) {
    return new WorkingDays(zone, EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY), holidays);
  }

  public boolean isWorkingDay(LocalDate day) {
    return !weekend.contains(day.getDayOfWeek()) && !holidays.contains(day);
  }

  public Instant plus(Instant from, int days) {
    if (days < 0) {
      throw new InvalidInputException("working days must not be negative");
    }
    ZonedDateTime at = from.atZone(zone);
    LocalDate day = at.toLocalDate();
    if (isWorkingDay(day)) {
      return at.with(nthWorkingDayAfter(day, days)).toInstant();
    }
    day = nthWorkingDayAfter(day, 1);
    if (days == 0) {
      return day.atStartOfDay(zone).toInstant();
    }
    return nthWorkingDayAfter(day, days - 1).plusDays(1).atStartOfDay(zone).toInstant();
  }

  private LocalDate nthWorkingDayAfter(LocalDate day, int n) {
    while (n > 0) {
      day = day.plusDays(1);
      if (isWorkingDay(day)) {
        n--;
      }
    }
    return day;
  }
}
