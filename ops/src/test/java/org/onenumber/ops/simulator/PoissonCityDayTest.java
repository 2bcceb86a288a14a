package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;

class PoissonCityDayTest {

  @Test
  void busiestHourCarriesTheBusyHourShare() {
    double[] shares = PoissonCityDay.hourShares(0.10);
    assertEquals(1.0, Arrays.stream(shares).sum(), 1e-12);
    assertEquals(0.10, Arrays.stream(shares).max().orElseThrow(), 1e-12);
  }

  @Test
  void aCityDayHasTheRequestedSizeAndItsPeakNearTenPercent() {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    List<Arrival> day = PoissonCityDay.generate(new SplittableRandom(seed), 42_000, 0.10);
    assertEquals(42_000, day.size(), "seed " + seed);
    long[] perHour = new long[24];
    day.forEach(a -> perHour[(int) (a.offsetMillis() / 3_600_000L)]++);
    double peak = Arrays.stream(perHour).max().orElseThrow() / 42_000.0;
    // Binomial(42000, 0.1): sd ≈ 0.0015; five sd either way.
    assertEquals(0.10, peak, 0.0075, "seed " + seed);
    for (int i = 1; i < day.size(); i++) {
      assertTrue(day.get(i).offsetMillis() >= day.get(i - 1).offsetMillis(), "sorted, seed " + seed);
    }
    assertTrue(day.stream().filter(a -> !a.language().equals("ko"))
        .allMatch(a -> a.channel() == Channel.VOICE || a.channel() == Channel.CHAT), "seed " + seed);
  }

  @Test
  void theSameSeedGivesTheSameDay() {
    assertEquals(PoissonCityDay.generate(new SplittableRandom(7), 500, 0.10),
        PoissonCityDay.generate(new SplittableRandom(7), 500, 0.10));
  }

  @Test
  void phoneNumbersAreStablePerCitizen() {
    assertEquals(Simulation.phoneOf("citizen-1"), Simulation.phoneOf("citizen-1"));
    assertTrue(Simulation.phoneOf("citizen-1").matches("\\+82105[0-9]{7}"));
  }
}
