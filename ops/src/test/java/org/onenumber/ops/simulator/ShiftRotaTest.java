package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShiftRotaTest {

  @Test
  void aShiftsOperatorsArriveSpreadOverHalfAnHourNotAllAtOnce() {
    Set<Integer> minutes = IntStream.rangeClosed(1, 100).filter(i -> CityShift.of(i) == CityShift.DAY)
        .map(ShiftRota::arrivesEarly).boxed().collect(Collectors.toSet());
    assertTrue(minutes.stream().allMatch(m -> m >= 0 && m < ShiftRota.ARRIVAL_SPREAD_MIN), minutes.toString());
    assertTrue(minutes.size() >= 10, "forty day-shift operators in at least ten different minutes: " + minutes);
  }
}
