package org.onenumber.core.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.testkit.WelfareScheduleContract;

class WeekPlannerTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

  private static Senior withWindows(String id, List<CallWindow> windows) {
    Senior base = WelfareScheduleContract.senior(id, "+8210" + String.format("%08d", id.hashCode() & 0xFFFFFF),
        CheckInMode.AUTOMATED);
    return new Senior(base.id(), base.name(), base.phones(), base.address(), base.district(), base.language(),
        base.consent(), base.emergencyContacts(), base.worker(), base.workerPhone(), windows, base.mode(),
        base.careNotes(), base.enrolledOn(), base.endsOn());
  }

  private static List<CallWindow> weekdays(int fromHour, int toHour) {
    List<CallWindow> windows = new ArrayList<>();
    for (DayOfWeek d : List.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY)) {
      windows.add(new CallWindow(d, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0)));
    }
    return windows;
  }

  @Test
  void spreadsThreeCallsOverTheWeekAndLevelsTheSlots() {
    List<Senior> seniors = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      seniors.add(withWindows(String.format("S-%03d", i), weekdays(10, 12)));
    }
    WeekPlan plan = new WeekPlanner(ProgramCalendar.weekdays(SEOUL), 3).plan(MONDAY, seniors);
    assertEquals(240, plan.calls().size());
    for (Senior s : seniors) {
      List<LocalDate> days = plan.calls().stream().filter(c -> c.senior().equals(s.id())).map(PlannedCall::day)
          .sorted().toList();
      assertEquals(3, days.size());
      assertTrue(days.get(1).toEpochDay() - days.get(0).toEpochDay() >= 2, "days spread: " + days);
    }
    for (int d = 0; d < 5; d++) {
      double[] volumes = plan.volumes(MONDAY.plusDays(d), 15);
      double max = 0;
      double min = Double.MAX_VALUE;
      for (int slot = 40; slot < 48; slot++) {
        max = Math.max(max, volumes[slot]);
        min = Math.min(min, volumes[slot]);
      }
      assertTrue(max - min <= 1, "level load from 10:00 to 12:00 on day " + d);
    }
  }

  @Test
  void skipsHolidaysAndHoursTheProgramIsClosed() {
    Senior early = withWindows("S-1", List.of(new CallWindow(DayOfWeek.MONDAY, LocalTime.of(7, 0), LocalTime.of(8, 0)),
        new CallWindow(DayOfWeek.TUESDAY, LocalTime.of(8, 0), LocalTime.of(10, 0)),
        new CallWindow(DayOfWeek.WEDNESDAY, LocalTime.of(9, 0), LocalTime.of(10, 0))));
    ProgramCalendar calendar = ProgramCalendar.weekdays(SEOUL).withHolidays(Set.of(MONDAY.plusDays(2)));
    WeekPlan plan = new WeekPlanner(calendar, 3).plan(MONDAY, List.of(early));
    assertEquals(1, plan.calls().size(), "Monday is outside the hours, Wednesday a holiday");
    assertEquals(MONDAY.plusDays(1).atTime(9, 0).atZone(SEOUL).toInstant(), plan.calls().get(0).dueAt());
  }

  @Test
  void plansOnlyFromAMonday() {
    assertThrows(InvalidInputException.class,
        () -> new WeekPlanner(ProgramCalendar.weekdays(SEOUL), 3).plan(MONDAY.plusDays(1), List.of()));
  }

  @Test
  void retriesInsideTheWindowThenNextMorning() {
    Senior s = withWindows("S-1", weekdays(10, 12));
    ProgramCalendar calendar = ProgramCalendar.weekdays(SEOUL);
    RetryPolicy retry = RetryPolicy.standard();
    var at = MONDAY.atTime(10, 5, 30).atZone(SEOUL).toInstant();
    assertEquals(MONDAY.atTime(10, 36).atZone(SEOUL).toInstant(), retry.next(1, at, s, calendar).orElseThrow(),
        "+30 min, rounded up to the minute");
    assertEquals(MONDAY.plusDays(1).atTime(10, 0).atZone(SEOUL).toInstant(), retry.next(2, at, s, calendar)
        .orElseThrow(), "+2 h is after the window: next morning");
    var friday = MONDAY.plusDays(4).atTime(11, 0).atZone(SEOUL).toInstant();
    assertEquals(MONDAY.plusDays(7).atTime(10, 0).atZone(SEOUL).toInstant(), retry.next(3, friday, s, calendar)
        .orElseThrow(), "next morning after a Friday is Monday");
    assertTrue(retry.next(4, at, s, calendar).isEmpty(), "three retries, then none");
  }

  @Test
  void escalatesOnTwoConcernOrTheThirdUnreachedInARow() {
    EscalationLadder ladder = new EscalationLadder(3);
    assertEquals(EscalationLadder.Reason.ASKED_FOR_HELP, ladder.decide(CallOutcome.WANTS_TO_TALK, 0).orElseThrow());
    assertEquals(EscalationLadder.Reason.CONCERN, ladder.decide(CallOutcome.CONCERN, 0).orElseThrow());
    assertTrue(ladder.decide(CallOutcome.NO_ANSWER, 2).isEmpty());
    assertEquals(EscalationLadder.Reason.UNREACHED, ladder.decide(CallOutcome.MACHINE, 3).orElseThrow());
    assertTrue(ladder.decide(CallOutcome.WELL, 5).isEmpty());
  }
}
