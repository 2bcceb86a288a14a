package org.onenumber.ops.sla;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.onenumber.core.error.InvalidInputException;

/**
 * A span of arrival minutes to sum: today so far, a fixed interval, or the last N minutes. A
 * contact belongs to the window its arrival minute falls in.
 */
public sealed interface Window {

  /** Arrival minutes (epoch minutes) from, inclusive. */
  long fromMinute(Instant now, ZoneId zone);

  /** Arrival minutes to, exclusive. */
  long toMinute(Instant now, ZoneId zone);

  /** Since local midnight in the policy's zone. */
  record Today() implements Window {
    @Override
    public long fromMinute(Instant now, ZoneId zone) {
      return now.atZone(zone).toLocalDate().atStartOfDay(zone).toInstant().getEpochSecond() / 60;
    }

    @Override
    public long toMinute(Instant now, ZoneId zone) {
      return minuteOf(now) + 1;
    }
  }

  /** A fixed interval such as 09:00–09:15; {@code start} is rounded down to the minute. */
  record Fixed(Instant start, Duration length) implements Window {
    public Fixed {
      InvalidInputException.require(start, "start");
      requirePositiveMinutes(length);
    }

    @Override
    public long fromMinute(Instant now, ZoneId zone) {
      return minuteOf(start);
    }

    @Override
    public long toMinute(Instant now, ZoneId zone) {
      return minuteOf(start) + length.toMinutes();
    }
  }

  /** The last {@code length}, including the current minute. */
  record Rolling(Duration length) implements Window {
    public Rolling {
      requirePositiveMinutes(length);
    }

    @Override
    public long fromMinute(Instant now, ZoneId zone) {
      return minuteOf(now) + 1 - length.toMinutes();
    }

    @Override
    public long toMinute(Instant now, ZoneId zone) {
      return minuteOf(now) + 1;
    }
  }

  static long minuteOf(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), 60);
  }

  private static void requirePositiveMinutes(Duration length) {
    InvalidInputException.require(length, "length");
    if (length.toMinutes() < 1) {
      throw new InvalidInputException("a window is at least one minute, got " + length);
    }
  }
}
