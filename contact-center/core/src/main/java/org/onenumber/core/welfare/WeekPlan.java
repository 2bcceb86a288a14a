package org.onenumber.core.welfare;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

/**
 * A week's calls, Monday first, with how many fall in each 15-minute slot of each day (the load the
 * welfare queue must staff; feed one day's slots to the Erlang planner).
 *
 * @param unplanned seniors enrolled that week whose windows the program's calendar left no day for
 */
public record WeekPlan(LocalDate monday, List<PlannedCall> calls, int[][] slotLoad, List<SeniorId> unplanned) {

  public static final int SLOT_MINUTES = 15;
  public static final int SLOTS_PER_DAY = 24 * 60 / SLOT_MINUTES;

  public WeekPlan {
    calls = List.copyOf(calls);
    unplanned = List.copyOf(unplanned);
  }

  /** Calls due on {@code day}, per interval of {@code minutes} (a multiple of 15), from midnight. */
  public double[] volumes(LocalDate day, int minutes) {
    if (minutes % SLOT_MINUTES != 0 || minutes <= 0 || minutes > 24 * 60) {
      throw new org.onenumber.core.error.InvalidInputException("minutes must be a multiple of 15 up to 1440");
    }
    int index = (int) (day.toEpochDay() - monday.toEpochDay());
    double[] volumes = new double[24 * 60 / minutes];
    if (index < 0 || index > 6) {
      return volumes;
    }
    for (int s = 0; s < SLOTS_PER_DAY; s++) {
      volumes[s * SLOT_MINUTES / minutes] += slotLoad[index][s];
    }
    return volumes;
  }

  static int slot(LocalTime time) {
    return (time.getHour() * 60 + time.getMinute()) / SLOT_MINUTES;
  }
}
