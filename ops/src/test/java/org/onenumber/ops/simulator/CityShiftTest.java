package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CityShiftTest {

  private static long onDuty(int operators, LocalTime time) {
    return IntStream.rangeClosed(1, operators).filter(i -> CityShift.of(i).onDutyAt(time)).count();
  }

  @Test
  void staffsTheMorningAndAfternoonPeaksMostAndTheNightLeast() {
    assertEquals(50, onDuty(500, LocalTime.of(3, 0)), "night shift only");
    assertEquals(300, onDuty(500, LocalTime.of(10, 0)), "early and day");
    assertEquals(450, onDuty(500, LocalTime.of(14, 0)), "early, day and late");
    assertEquals(150, onDuty(500, LocalTime.of(19, 0)), "late only");
  }

  @Test
  void theNightShiftRunsAcrossMidnight() {
    assertTrue(CityShift.NIGHT.onDutyAt(LocalTime.of(23, 30)));
    assertTrue(CityShift.NIGHT.onDutyAt(LocalTime.MIDNIGHT));
    assertFalse(CityShift.NIGHT.onDutyAt(LocalTime.of(7, 0)), "end is exclusive");
    assertTrue(CityShift.EARLY.onDutyAt(LocalTime.of(7, 0)), "start is inclusive");
  }

  @Test
  void everyOperatorHasTheSameShiftEveryTime() {
    assertEquals(CityShift.of(7), CityShift.of(7));
    assertEquals(CityShift.of(3), CityShift.of(13));
  }
}
