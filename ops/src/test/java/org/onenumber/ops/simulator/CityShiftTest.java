package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class CityShiftTest {

  private static final CityShift EARLY = new CityShift("general-ko@07:00", LocalTime.of(7, 0), LocalTime.of(16, 0));
  private static final CityShift NIGHT = new CityShift("general-ko@22:00", LocalTime.of(22, 0), LocalTime.of(7, 0));

  @Test
  void theNightShiftRunsAcrossMidnight() {
    assertTrue(NIGHT.onDutyAt(LocalTime.of(23, 30)));
    assertTrue(NIGHT.onDutyAt(LocalTime.MIDNIGHT));
    assertFalse(NIGHT.onDutyAt(LocalTime.of(7, 0)), "end is exclusive");
    assertFalse(NIGHT.onDutyAt(LocalTime.of(12, 0)));
  }

  @Test
  void aDayShiftStartsInclusiveAndEndsExclusive() {
    assertTrue(EARLY.onDutyAt(LocalTime.of(7, 0)), "start is inclusive");
    assertFalse(EARLY.onDutyAt(LocalTime.of(16, 0)), "end is exclusive");
    assertFalse(EARLY.onDutyAt(LocalTime.of(6, 59)));
  }
}
