package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

/** A window of a city day ({@code --from HH:MM --until HH:MM}): only its arrivals are played. */
class DayWindowTest {

  private static final List<Arrival> SEOUL = CityDay.seoul120(new SplittableRandom(120), CityDay.SEOUL_CONTACTS);

  @Test
  void thePeakWindowPlaysOnlyTheArrivalsBetweenItsTwoTimes() {
    List<Arrival> peak = SimulateMain.window(SEOUL, true, "--url", "x", "--from", "09:00", "--until", "11:00");
    long expected = SEOUL.stream().filter(a -> a.offsetMillis() >= 9 * 3_600_000L && a.offsetMillis() < 11 * 3_600_000L)
        .count();
    assertEquals(expected, peak.size());
    assertTrue(peak.size() > 5_000, "the peak's two hours hold thousands of Seoul's arrivals: " + peak.size());
    assertTrue(peak.stream().allMatch(a -> a.offsetMillis() >= 9 * 3_600_000L && a.offsetMillis() < 11 * 3_600_000L));
    assertEquals(9 * 3_600, SimulateMain.from(true, "--from", "09:00"));
  }

  @Test
  void withoutFromTheDayStartsAtMidnightAndFromNeedsACityDayAndATime() {
    assertEquals(SEOUL.size(), SimulateMain.window(SEOUL, true, "--url", "x").size());
    assertEquals(0, SimulateMain.from(true, "--url", "x"));
    assertThrows(InvalidInputException.class, () -> SimulateMain.from(false, "--from", "09:00"));
    assertThrows(InvalidInputException.class, () -> SimulateMain.from(true, "--from", "nine"));
  }
}
