package org.onenumber.ops.simulator;

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
}
