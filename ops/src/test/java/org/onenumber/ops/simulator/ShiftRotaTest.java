package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShiftRotaTest {

  @Test
  void aShiftsOperatorsArriveSpreadOverHalfAnHourNotAllAtOnce() {
    CityRoster roster = CityRoster.plan(CityDay.seoul120(new java.util.SplittableRandom(120), CityDay.SEOUL_CONTACTS),
        240, 180, org.onenumber.ops.staffing.CityStaffGroup.DEFAULT_OPERATORS);
    java.time.LocalTime nine = java.time.LocalTime.of(9, 0);
    Set<Integer> minutes = IntStream.rangeClosed(1, org.onenumber.ops.staffing.CityStaffGroup.DEFAULT_OPERATORS)
        .filter(i -> roster.shiftOf(i) != null && roster.shiftOf(i).start().equals(nine))
        .map(ShiftRota::arrivesEarly).boxed().collect(Collectors.toSet());
    assertTrue(minutes.stream().allMatch(m -> m >= 0 && m < ShiftRota.ARRIVAL_SPREAD_MIN), minutes.toString());
    assertTrue(minutes.size() >= 10, "the 09:00 starters in at least ten different minutes: " + minutes);
  }

  @Test
  void anOperatorJoiningItsShiftLateBreaksWhereTheRosterPlacedItsBreaks() {
    CityShift nightShift = new CityShift("general-ko@22:00", java.time.LocalTime.of(22, 0), java.time.LocalTime.of(7, 0));
    CityShift early = new CityShift("general-ko@07:00", java.time.LocalTime.of(7, 0), java.time.LocalTime.of(16, 0));
    double nineAm = 9 * 3600;
    // operator 1 arrives 7 minutes early; the night shift logged in the evening before (negative trace seconds)
    assertEquals(7 * 3600 - 7 * 60, ShiftRota.loginAt(early, 1, nineAm), 1e-9);
    assertEquals(-2 * 3600 - 7 * 60, ShiftRota.loginAt(nightShift, 1, 6 * 3600), 1e-9);
    // two hours of work and a 15-minute break make a cycle: logged in at 06:53, at 09:00 it is still in its first
    // (the next begins at 09:08), so its first break comes at 08:53's first contact end, not at 11:00
    assertEquals(7 * 3600 - 7 * 60, ShiftRota.joinedLate(7 * 3600 - 7 * 60, nineAm).orElseThrow(), 1e-9);
    double cycle = SimulatedOperator.WORK_BEFORE_BREAK_S + SimulatedOperator.BREAK_S;
    assertEquals(7 * 3600 + cycle, ShiftRota.joinedLate(7 * 3600, 7 * 3600 + cycle + 60).orElseThrow(), 1e-9);
    // logging in on time (as the whole day does): work counts from the login itself
    assertTrue(ShiftRota.joinedLate(nineAm - 10, nineAm).isEmpty());
  }
}
