package org.onenumber.core.welfare;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.error.InvalidInputException;

/**
 * When to try again after a senior was not reached: one step per retry, each either a delay
 * ({@code +30m}, {@code +2h}) or {@code next-morning}. The cases:
 *
 * <ol>
 *   <li>No step left: no retry.
 *   <li>A delay: the time after the delay if it is inside an open part of one of the senior's
 *       windows that day; else the start of the next open window later that day; else as next morning.
 *   <li>Next morning: the start of the first open window on the next day that has one (up to two weeks on).
 * </ol>
 *
 * A retry is due on a whole minute (rounded up), so a dialer that wakes every minute dials it on time.
 */
public record RetryPolicy(List<String> steps) {

  public static final String NEXT_MORNING = "next-morning";

  public RetryPolicy {
    steps = List.copyOf(InvalidInputException.require(steps, "retry steps"));
    for (String s : steps) {
      if (!NEXT_MORNING.equals(s)) {
        delay(s);
      }
    }
  }

  /** +30 min, +2 h, next morning. */
  public static RetryPolicy standard() {
    return new RetryPolicy(List.of("30m", "2h", NEXT_MORNING));
  }

  /** Parses {@code 30m,2h,next-morning}. */
  public static RetryPolicy parse(String text) {
    return new RetryPolicy(List.of(InvalidInputException.requireText(text, "retry steps").trim().split("\\s*,\\s*")));
  }

  /** Attempts in all for one planned call: the first plus one per step. */
  public int maxAttempts() {
    return steps.size() + 1;
  }

  /** When attempt {@code number + 1} is due after attempt {@code number} ended at {@code endedAt}. */
  public Optional<Instant> next(int number, Instant endedAt, Senior senior, ProgramCalendar calendar) {
    if (number > steps.size()) {
      return Optional.empty();
    }
    String step = steps.get(number - 1);
    if (!NEXT_MORNING.equals(step)) {
      Instant at = wholeMinute(endedAt.plus(delay(step)));
      LocalDate day = calendar.day(at);
      if (day.equals(calendar.day(endedAt))) {
        Optional<Instant> sameDay = openAtOrAfter(day, calendar.time(at), senior, calendar);
        if (sameDay.isPresent()) {
          return sameDay;
        }
      }
    }
    return nextMorning(calendar.day(endedAt), senior, calendar);
  }

  /** The first moment at or after {@code at} inside an open part of the senior's windows (up to two weeks on). */
  public static Optional<Instant> nextOpen(Instant at, Senior senior, ProgramCalendar calendar) {
    Optional<Instant> today = openAtOrAfter(calendar.day(at), calendar.time(at), senior, calendar);
    return today.isPresent() ? today : nextMorning(calendar.day(at), senior, calendar);
  }

  /** True when {@code at} is inside an open part of one of the senior's windows. */
  public static boolean inside(Instant at, Senior senior, ProgramCalendar calendar) {
    LocalDate day = calendar.day(at);
    LocalTime time = calendar.time(at);
    return senior.enrolledOn(day) && senior.windowsOn(day.getDayOfWeek()).stream()
        .anyMatch(w -> calendar.open(day, w).map(o -> o.contains(time)).orElse(false));
  }

  private static Instant wholeMinute(Instant at) {
    Instant down = at.truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
    return down.equals(at) ? at : down.plusSeconds(60);
  }

  private static Optional<Instant> openAtOrAfter(LocalDate day, LocalTime time, Senior senior,
      ProgramCalendar calendar) {
    Instant best = null;
    for (CallWindow w : senior.windowsOn(day.getDayOfWeek())) {
      Optional<CallWindow> open = calendar.open(day, w);
      if (open.isEmpty() || !senior.enrolledOn(day) || !time.isBefore(open.get().to())) {
        continue;
      }
      Instant at = calendar.at(day, time.isBefore(open.get().from()) ? open.get().from() : time);
      if (best == null || at.isBefore(best)) {
        best = at;
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<Instant> nextMorning(LocalDate after, Senior senior, ProgramCalendar calendar) {
    for (int d = 1; d <= 14; d++) {
      Optional<Instant> at = openAtOrAfter(after.plusDays(d), LocalTime.MIDNIGHT, senior, calendar);
      if (at.isPresent()) {
        return at;
      }
    }
    return Optional.empty();
  }

  private static Duration delay(String step) {
    try {
      return Duration.parse("PT" + step.toUpperCase(java.util.Locale.ROOT));
    } catch (java.time.format.DateTimeParseException e) {
      throw new InvalidInputException("a retry step is a delay like 30m or 2h, or next-morning");
    }
  }
}
