package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;

class CityDayTest {

  private static final List<Arrival> NIGHT = List.of(
      new Arrival(0, Channel.VOICE, "ko", "Noise - Residential", "environment", "1 MAIN ST"),
      new Arrival(5_000, Channel.WEB_FORM, "ko", "HEAT/HOT WATER", "housing", "2 MAIN ST"),
      new Arrival(9_000, Channel.CHAT, "ko", "Pothole", "roads", "3 MAIN ST"));

  @Test
  void aSeoulDayHasItsSizeOverTwentyFourHoursWithTheMorningPeak() {
    List<Arrival> day = CityDay.seoul120(new SplittableRandom(120), CityDay.SEOUL_CONTACTS);
    assertEquals(42_000, day.size());
    Map<Long, Long> perHour = day.stream().collect(Collectors.groupingBy(a -> a.offsetMillis() / 3_600_000,
        Collectors.counting()));
    assertEquals(24, perHour.size());
    assertEquals(9L, perHour.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey());
    long voice = day.stream().filter(a -> a.channel() == Channel.VOICE).count();
    assertTrue(voice > 0.68 * day.size() && voice < 0.76 * day.size(), "voice " + voice);
  }

  @Test
  void theRecordDayTakesTheNightsMixOnTheCitysCurveDeterministically() {
    List<Arrival> day = CityDay.nycRecord(new SplittableRandom(7), 30_000, NIGHT);
    assertEquals(day, CityDay.nycRecord(new SplittableRandom(7), 30_000, NIGHT));
    Map<String, Long> departments = day.stream().collect(Collectors.groupingBy(Arrival::department,
        Collectors.counting()));
    assertEquals(3, departments.size());
    departments.values().forEach(n -> assertTrue(n > 9_000 && n < 11_000, departments.toString()));
    assertTrue(day.get(day.size() - 1).offsetMillis() > 23 * 3_600_000L, "runs to the end of the day");
    assertTrue(day.stream().map(Arrival::citizen).collect(Collectors.toSet()).size() <= 300, "repeats stay possible");
    assertEquals(day.stream().sorted(java.util.Comparator.comparingLong(Arrival::offsetMillis)).toList(), day);
  }

  @Test
  void aDayOptionPlaysTheWholeDayWithTheCitySeedsOperatorsAtAHundredTimes() {
    SimulationOptions options = SimulationOptions.parse("--url", "http://localhost:8080", "--day", "nyc-record");
    assertEquals(277_000, options.contacts());
    assertEquals(CityDay.NYC_OPERATORS, options.agents(), "the ~5,500 ids its roster's 1,754 shifts need");
    assertEquals(100, options.speedup());
    assertTrue(options.cityDay());
    assertEquals(false, SimulationOptions.parse("--url", "http://x", "--trace", "poisson").cityDay());
  }

  @Test
  void intervalsCountContactsByTheQuarterHourOfTheDay() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.opened("a", 10);
    ledger.answered("a", 20);
    ledger.opened("b", 899);
    ledger.answered("b", 930);
    ledger.opened("c", 1000);
    ledger.abandoning("c", 1100);
    Map<Integer, SimulationLedger.Summary> rows = ledger.intervals(15, 15, 0);
    assertEquals(2, rows.get(0).offered());
    assertEquals(0.5, rows.get(0).serviceLevel());
    assertEquals(20.5, rows.get(0).asaSeconds());
    assertEquals(1, rows.get(1).abandoned());
    assertEquals(Map.of(36, 2L, 37, 1L), ledger.intervals(15, 15, 9 * 3600).entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offered())));
  }

}
