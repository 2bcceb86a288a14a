package org.onenumber.ops.staffing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class ShiftCoveringTest {

  private static final long SEED = Long.getLong("tests.seed", 19L);

  @Test
  void coversEveryIntervalOfRandomDaysAndIsTheSameTwice() {
    SplittableRandom random = new SplittableRandom(SEED);
    for (int day = 0; day < 200; day++) {
      int[] required = new int[48];
      int peak = 1 + random.nextInt(300);
      for (int t = 0; t < required.length; t++) {
        required[t] = random.nextInt(peak + 1);
      }
      int length = 1 + random.nextInt(40);
      int[] starts = ShiftCovering.cover(required, length);
      int[] onDuty = ShiftCovering.onDuty(starts, length);
      for (int t = 0; t < required.length; t++) {
        assertTrue(onDuty[t] >= required[t], "day " + day + " interval " + t + ": " + onDuty[t] + " < " + required[t]);
      }
      assertArrayEquals(starts, ShiftCovering.cover(required.clone(), length));
    }
  }

  @Test
  void aFlatDayTakesExactlyOneShiftPerPersonPerShiftLength() {
    int[] required = new int[48];
    Arrays.fill(required, 5);
    int[] starts = ShiftCovering.cover(required, 16);
    assertEquals(15, Arrays.stream(starts).sum(), "three 8-hour shifts of five people");
    assertArrayEquals(required, ShiftCovering.onDuty(starts, 16));
  }

  @Test
  void aLateShiftRunsPastMidnightAndCoversTheNight() {
    int[] required = new int[48];
    for (int t = 44; t < 48; t++) {
      required[t] = 2; // 22:00–24:00
    }
    for (int t = 0; t < 10; t++) {
      required[t] = 2; // 00:00–05:00
    }
    int[] starts = ShiftCovering.cover(required, 18);
    assertEquals(2, Arrays.stream(starts).sum(), "one night shift of two from 22:00 covers both ends: "
        + Arrays.toString(starts));
    assertEquals(2, starts[44]);
  }

  @Test
  void refusesShiftsAsLongAsTheDayOrNegativeRequirements() {
    assertThrows(InvalidInputException.class, () -> ShiftCovering.cover(new int[48], 48));
    assertThrows(InvalidInputException.class, () -> ShiftCovering.cover(new int[] {1, -1, 0}, 1));
  }
}
