package org.onenumber.core.welfare;

import java.time.DayOfWeek;
import java.time.LocalTime;
import org.onenumber.core.error.InvalidInputException;

/**
 * A time a senior prefers to be called: a day of the week and a span of local time, such as
 * Tuesday 10:00–12:00. {@code from} is inclusive, {@code to} exclusive.
 */
public record CallWindow(DayOfWeek day, LocalTime from, LocalTime to) {
  public CallWindow {
    InvalidInputException.require(day, "window day");
    InvalidInputException.require(from, "window start");
    InvalidInputException.require(to, "window end");
    if (!from.isBefore(to)) {
      throw new InvalidInputException("a call window ends after it starts");
    }
  }

  /** True when {@code time} on this window's day falls inside it. */
  public boolean contains(LocalTime time) {
    return !time.isBefore(from) && time.isBefore(to);
  }

  /** Parses {@code MON 10:00-12:00}. */
  public static CallWindow parse(String text) {
    String[] parts = InvalidInputException.requireText(text, "window").trim().split("[\\s-]+");
    if (parts.length != 3) {
      throw new InvalidInputException("a window reads like 'MON 10:00-12:00'");
    }
    try {
      return new CallWindow(day(parts[0]), LocalTime.parse(parts[1]), LocalTime.parse(parts[2]));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("a window reads like 'MON 10:00-12:00'");
    }
  }

  private static DayOfWeek day(String text) {
    for (DayOfWeek d : DayOfWeek.values()) {
      if (d.name().startsWith(text.toUpperCase(java.util.Locale.ROOT)) && text.length() >= 2) {
        return d;
      }
    }
    throw new InvalidInputException("a window's day is MON, TUE, WED, THU, FRI, SAT or SUN");
  }

  @Override
  public String toString() {
    return day.name().substring(0, 3) + " " + from + "-" + to;
  }
}
