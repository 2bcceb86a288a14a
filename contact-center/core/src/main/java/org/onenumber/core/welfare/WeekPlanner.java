package org.onenumber.core.welfare;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.onenumber.core.error.InvalidInputException;

/**
 * Plans a week of welfare calls. For each senior, in id order (so a plan is reproducible):
 *
 * <ol>
 *   <li>Eligible days: days of the week the senior is enrolled, the program is open (not a
 *       holiday) and one of the senior's windows overlaps the program's hours.
 *   <li>No eligible day: the senior is listed as unplanned (the page shows them).
 *   <li>Days: {@code callsPerWeek} of them (fewer if fewer are eligible), with a day between
 *       calls where the windows allow it; among those choices the one whose days carry the least load.
 *   <li>Time on each day: the 15-minute slot inside the open part of the senior's windows with the
 *       least load so far (the earliest on a tie), skipping slots at {@code slotCapacity}; inside
 *       the slot, calls are spread a minute apart. So the welfare queue's load is level across the day.
 * </ol>
 *
 * Stateless between calls to {@link #plan}; not thread-safe within one. O(seniors × 35) for three
 * calls a week.
 */
public final class WeekPlanner {

  private final ProgramCalendar calendar;
  private final int callsPerWeek;

  public WeekPlanner(ProgramCalendar calendar, int callsPerWeek) {
    if (callsPerWeek < 2 || callsPerWeek > 3) {
      throw new InvalidInputException("the program calls 2 or 3 times a week, got " + callsPerWeek);
    }
    this.calendar = calendar;
    this.callsPerWeek = callsPerWeek;
  }

  public WeekPlan plan(LocalDate monday, Collection<Senior> seniors) {
    if (monday.getDayOfWeek() != DayOfWeek.MONDAY) {
      throw new InvalidInputException("a week is planned from its Monday");
    }
    int[][] load = new int[7][WeekPlan.SLOTS_PER_DAY];
    int[] dayLoad = new int[7];
    List<PlannedCall> calls = new ArrayList<>();
    List<SeniorId> unplanned = new ArrayList<>();
    List<Senior> ordered = new ArrayList<>(seniors);
    ordered.sort(Comparator.comparing(s -> s.id().value()));
    for (Senior senior : ordered) {
      List<List<CallWindow>> open = openWindows(monday, senior);
      int[] days = chooseDays(open, dayLoad);
      if (days.length == 0) {
        if (open.stream().anyMatch(w -> w != null) || enrolledThatWeek(monday, senior)) {
          unplanned.add(senior.id());
        }
        continue;
      }
      for (int d : days) {
        LocalDate day = monday.plusDays(d);
        LocalTime time = chooseTime(open.get(d), load[d]);
        if (time == null) {
          continue;
        }
        int slot = WeekPlan.slot(time);
        load[d][slot]++;
        dayLoad[d]++;
        calls.add(new PlannedCall(senior.id(), day, calendar.at(day, time)));
      }
    }
    return new WeekPlan(monday, calls, load, unplanned);
  }

  /** Per day of the week, the open parts of the senior's windows; null for a day that has none. */
  private List<List<CallWindow>> openWindows(LocalDate monday, Senior senior) {
    List<List<CallWindow>> open = new ArrayList<>(7);
    for (int d = 0; d < 7; d++) {
      LocalDate day = monday.plusDays(d);
      List<CallWindow> parts = new ArrayList<>();
      if (senior.enrolledOn(day)) {
        for (CallWindow w : senior.windowsOn(day.getDayOfWeek())) {
          calendar.open(day, w).ifPresent(parts::add);
        }
      }
      open.add(parts.isEmpty() ? null : parts);
    }
    return open;
  }

  private boolean enrolledThatWeek(LocalDate monday, Senior senior) {
    return senior.enrolledOn(monday) || senior.enrolledOn(monday.plusDays(6));
  }

  /** Case 3: the most spread set of eligible days, then the least loaded. */
  private int[] chooseDays(List<List<CallWindow>> open, int[] dayLoad) {
    int[] eligible = new int[7];
    int n = 0;
    for (int d = 0; d < 7; d++) {
      if (open.get(d) != null) {
        eligible[n++] = d;
      }
    }
    int k = Math.min(callsPerWeek, n);
    int[] best = new int[0];
    long bestScore = Long.MIN_VALUE;
    int[] pick = new int[k];
    for (long mask = 0; mask < (1L << n); mask++) {
      if (Long.bitCount(mask) != k) {
        continue;
      }
      int i = 0;
      int gap = 7;
      int loadSum = 0;
      for (int b = 0; b < n; b++) {
        if ((mask & (1L << b)) != 0) {
          pick[i] = eligible[b];
          loadSum += dayLoad[pick[i]];
          if (i > 0) {
            gap = Math.min(gap, pick[i] - pick[i - 1]);
          }
          i++;
        }
      }
      long score = (long) Math.min(gap, 2) * 100_000_000L - loadSum;
      if (score > bestScore) {
        bestScore = score;
        best = pick.clone();
      }
    }
    return best;
  }

  /** Case 4: the least-loaded 15-minute slot inside the open windows, spread a minute apart. */
  private LocalTime chooseTime(List<CallWindow> windows, int[] load) {
    int bestSlot = -1;
    LocalTime best = null;
    for (CallWindow w : windows) {
      int first = (w.from().toSecondOfDay() / 60 + WeekPlan.SLOT_MINUTES - 1) / WeekPlan.SLOT_MINUTES;
      int endMinute = w.to().toSecondOfDay() / 60;
      for (int s = first; (s + 1) * WeekPlan.SLOT_MINUTES <= endMinute; s++) {
        boolean full = calendar.slotCapacity() > 0 && load[s] >= calendar.slotCapacity();
        if (!full && (bestSlot < 0 || load[s] < load[bestSlot])) {
          bestSlot = s;
        }
      }
      if (bestSlot < 0 && best == null && calendar.slotCapacity() == 0) {
        best = w.from();
      }
    }
    if (bestSlot < 0) {
      return best;
    }
    int minute = bestSlot * WeekPlan.SLOT_MINUTES + load[bestSlot] % WeekPlan.SLOT_MINUTES;
    return LocalTime.of(minute / 60, minute % 60);
  }
}
