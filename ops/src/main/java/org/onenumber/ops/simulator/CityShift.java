package org.onenumber.ops.simulator;

import java.time.LocalTime;

/**
 * One shift of a city day's roster ({@link CityRoster}: nine hours, starting on the half hour).
 *
 * @param name the queue group and the start, e.g. {@code general-ko@07:30}
 * @param start when the shift logs in, city time (Asia/Seoul)
 * @param end when it logs out; before {@code start} for a shift across midnight
 */
public record CityShift(String name, LocalTime start, LocalTime end) {

  /** Whether the shift is on duty at {@code time} (start inclusive, end exclusive). */
  public boolean onDutyAt(LocalTime time) {
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }
}
