package org.onenumber.core.welfare;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.error.InvalidInputException;

/**
 * When the welfare program calls: its opening hours per weekday in the city's zone and its holidays.
 * A day without hours or on a holiday has no calls; a call happens only where a senior's window and
 * the program's hours overlap. {@code slotCapacity} is how many calls the welfare queue's staffing
 * takes per 15-minute slot (0: no limit).
 */
public record ProgramCalendar(ZoneId zone, Map<DayOfWeek, Hours> hours, Set<LocalDate> holidays, int slotCapacity) {

  /** Opening hours of one weekday; {@code open} inclusive, {@code close} exclusive. */
  public record Hours(LocalTime open, LocalTime close) {
    public Hours {
      InvalidInputException.require(open, "open");
      InvalidInputException.require(close, "close");
      if (!open.isBefore(close)) {
        throw new InvalidInputException("the program closes after it opens");
      }
    }
  }

  public ProgramCalendar {
    InvalidInputException.require(zone, "zone");
    hours = Map.copyOf(InvalidInputException.require(hours, "hours"));
    holidays = Set.copyOf(holidays == null ? Set.of() : holidays);
    if (slotCapacity < 0) {
      throw new InvalidInputException("slot capacity is 0 (no limit) or more");
    }
  }

  /** Monday to Friday 09:00–18:00, no holidays, no slot limit. */
  public static ProgramCalendar weekdays(ZoneId zone) {
    Hours nineToSix = new Hours(LocalTime.of(9, 0), LocalTime.of(18, 0));
    return new ProgramCalendar(zone, Map.of(DayOfWeek.MONDAY, nineToSix, DayOfWeek.TUESDAY, nineToSix,
        DayOfWeek.WEDNESDAY, nineToSix, DayOfWeek.THURSDAY, nineToSix, DayOfWeek.FRIDAY, nineToSix), Set.of(), 0);
  }

  public ProgramCalendar withHolidays(Set<LocalDate> days) {
    return new ProgramCalendar(zone, hours, days, slotCapacity);
  }

  /** The program's hours on {@code day}; empty on a holiday or a closed weekday. */
  public Optional<Hours> hoursOn(LocalDate day) {
    return holidays.contains(day) ? Optional.empty() : Optional.ofNullable(hours.get(day.getDayOfWeek()));
  }

  /**
   * The part of {@code window} the program is open on {@code day} (whose weekday must be the
   * window's), or empty.
   */
  public Optional<CallWindow> open(LocalDate day, CallWindow window) {
    return hoursOn(day).flatMap(h -> {
      LocalTime from = window.from().isAfter(h.open()) ? window.from() : h.open();
      LocalTime to = window.to().isBefore(h.close()) ? window.to() : h.close();
      return from.isBefore(to) ? Optional.of(new CallWindow(window.day(), from, to)) : Optional.empty();
    });
  }

  public Instant at(LocalDate day, LocalTime time) {
    return ZonedDateTime.of(day, time, zone).toInstant();
  }

  public LocalDate day(Instant at) {
    return at.atZone(zone).toLocalDate();
  }

  public LocalTime time(Instant at) {
    return at.atZone(zone).toLocalTime();
  }
}
