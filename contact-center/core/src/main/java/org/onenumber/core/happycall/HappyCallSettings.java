package org.onenumber.core.happycall;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.onenumber.core.error.InvalidInputException;

/**
 * When happy-calls go out: {@code delay} after the contact was resolved, never inside quiet hours
 * ({@code quietFrom} to {@code quietUntil} in {@code zone}, may wrap midnight: such a survey waits
 * until {@code quietUntil}), at most one per citizen per {@code gap}; a low score is {@code <= lowScore}.
 */
public record HappyCallSettings(Duration delay, LocalTime quietFrom, LocalTime quietUntil, ZoneId zone,
    Duration gap, int lowScore) {

  public HappyCallSettings {
    InvalidInputException.require(delay, "delay");
    InvalidInputException.require(quietFrom, "quietFrom");
    InvalidInputException.require(quietUntil, "quietUntil");
    InvalidInputException.require(zone, "zone");
    InvalidInputException.require(gap, "gap");
    if (delay.isNegative() || gap.isNegative()) {
      throw new InvalidInputException("delay and gap may not be negative");
    }
  }

  /** Defaults of the demo city: 2 h later, quiet 21:00-09:00 Seoul, one per 30 days, low is 1 or 2. */
  public static HappyCallSettings defaults() {
    return new HappyCallSettings(Duration.ofHours(2), LocalTime.of(21, 0), LocalTime.of(9, 0),
        ZoneId.of("Asia/Seoul"), Duration.ofDays(30), 2);
  }

  /** When the survey of a contact resolved at {@code resolvedAt} may be sent. */
  public Instant dueAt(Instant resolvedAt) {
    return outsideQuietHours(resolvedAt.plus(delay));
  }

  /** {@code at} itself when it is outside quiet hours, else the end of those quiet hours. */
  public Instant outsideQuietHours(Instant at) {
    ZonedDateTime local = at.atZone(zone);
    if (!quiet(local.toLocalTime())) {
      return at;
    }
    ZonedDateTime morning = local.with(quietUntil);
    if (!morning.isAfter(local)) {
      morning = morning.plusDays(1);
    }
    return morning.toInstant();
  }

  /** True when {@code time} falls inside quiet hours. */
  public boolean quiet(LocalTime time) {
    if (quietFrom.equals(quietUntil)) {
      return false;
    }
    if (quietFrom.isBefore(quietUntil)) {
      return !time.isBefore(quietFrom) && time.isBefore(quietUntil);
    }
    return !time.isBefore(quietFrom) || time.isBefore(quietUntil);
  }
}
