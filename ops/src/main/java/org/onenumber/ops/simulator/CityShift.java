package org.onenumber.ops.simulator;

import java.time.LocalTime;

/**
 * The four shifts of the city profile and who works which. Operator i works shift (i − 1) mod 10
 * mapped by {@link #of(int)}: 2 in 10 early (07–16), 4 in 10 day (09–18), 3 in 10 late (13–22),
 * 1 in 10 night (22–07), which follows the line's intraday curve (morning and early-afternoon
 * peaks, a thin night).
 *
 * @param start when the shift logs in, city time (Asia/Seoul)
 * @param end when it logs out; before {@code start} for the night shift
 */
public record CityShift(String name, LocalTime start, LocalTime end) {

  public static final CityShift EARLY = new CityShift("early", LocalTime.of(7, 0), LocalTime.of(16, 0));
  public static final CityShift DAY = new CityShift("day", LocalTime.of(9, 0), LocalTime.of(18, 0));
  public static final CityShift LATE = new CityShift("late", LocalTime.of(13, 0), LocalTime.of(22, 0));
  public static final CityShift NIGHT = new CityShift("night", LocalTime.of(22, 0), LocalTime.of(7, 0));

  private static final CityShift[] BY_TENTH = {EARLY, DAY, LATE, DAY, NIGHT, EARLY, DAY, LATE, DAY, LATE};

  /** The shift of operator {@code i} (1-based). */
  public static CityShift of(int operator) {
    if (operator < 1) {
      throw new IllegalArgumentException("operators are numbered from 1, got " + operator);
    }
    return BY_TENTH[(operator - 1) % BY_TENTH.length];
  }

  /** Whether the shift is on duty at {@code time} (start inclusive, end exclusive). */
  public boolean onDutyAt(LocalTime time) {
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }
}
