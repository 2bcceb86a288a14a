package org.onenumber.core.routing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.error.InvalidInputException;

/**
 * When a queue is open: a timezone, opening hours per weekday (a missing day is closed) and
 * holidays (closed all day). {@link #ALWAYS_OPEN} has no hours at all and never closes.
 */
public record BusinessCalendar(ZoneId zone, Map<DayOfWeek, List<Hours>> weekly, Set<LocalDate> holidays) {

  public static final BusinessCalendar ALWAYS_OPEN = new BusinessCalendar(ZoneId.of("UTC"), null, Set.of());

  /** Open from {@code from} (inclusive) to {@code to} (exclusive), local time. */
  public record Hours(LocalTime from, LocalTime to) {
    public Hours {
      InvalidInputException.require(from, "from");
      InvalidInputException.require(to, "to");
      if (!from.isBefore(to)) {
        throw new InvalidInputException("opening hours must end after they start: " + from + "-" + to);
      }
    }

    boolean contains(LocalTime time) {
      return !time.isBefore(from) && time.isBefore(to);
    }
  }

  public BusinessCalendar {
    InvalidInputException.require(zone, "zone");
    weekly = weekly == null ? null : Map.copyOf(weekly);
    holidays = Set.copyOf(holidays == null ? Set.of() : holidays);
  }

  public boolean isOpen(Instant at) {
    if (weekly == null) {
      return true;
    }
    ZonedDateTime local = at.atZone(zone);
    if (holidays.contains(local.toLocalDate())) {
      return false;
    }
    LocalTime time = local.toLocalTime();
    return weekly.getOrDefault(local.getDayOfWeek(), List.of()).stream().anyMatch(h -> h.contains(time));
  }
}
