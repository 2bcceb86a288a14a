package org.onenumber.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded synthetic cities (seeds 1..5, printed on failure): a quiet month raises at most one alert
 * per simulated week; injected clusters and bursts are all found (recall 1.0) on their day; and
 * the live fold, checked after every event, equals the batch recomputation, also when operators'
 * dispositions move contacts between categories after intake.
 */
class SurveillanceSimulationTest {

  private static final SurveillanceSettings DAILY = SurveillanceSettings.daily();
  private static final int WEEKS = 5;

  @Test
  void aQuietCityRaisesAtMostOneAlertPerSimulatedWeek() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Observation> quiet = new SyntheticCity(seed).background(WEEKS * 7, 2_000).arrivals();
      List<EmergingIssue> alerts = live(quiet);
      int weeksJudged = WEEKS - 1; // the first week is warm-up
      assertTrue(alerts.size() <= weeksJudged, "seed " + seed + ": " + alerts.size() + " false alerts in "
          + weeksJudged + " weeks: " + alerts);
    }
  }

  @Test
  void findsEveryInjectedClusterAndBurstOnItsDay() {
    for (long seed = 1; seed <= 5; seed++) {
      SyntheticCity city = new SyntheticCity(seed).background(WEEKS * 7, 2_000)
          .cluster(20, 7, 11, 25).cluster(27, 19, 30, 25)
          .burst(23, 3, 70).burst(30, 12, 45);
      List<EmergingIssue> alerts = live(city.arrivals());
      assertFound(alerts, seed, EmergingIssue.Kind.HOTSPOT, SyntheticCity.cellKey(7, 11), 20);
      assertFound(alerts, seed, EmergingIssue.Kind.HOTSPOT, SyntheticCity.cellKey(19, 30), 27);
      assertFound(alerts, seed, EmergingIssue.Kind.BURST, SyntheticCity.category(3) + "@city", 23);
      assertFound(alerts, seed, EmergingIssue.Kind.BURST, SyntheticCity.category(12) + "@city", 30);
    }
  }

  @Test
  void liveEqualsBatchRecomputationEventByEvent() {
    for (long seed = 1; seed <= 3; seed++) {
      List<Observation> arrivals = new SyntheticCity(seed).background(WEEKS * 7, 2_000)
          .cluster(15, 3, 3, 25).burst(18, 0, 120).burst(25, 5, 60).arrivals();
      LiveSurveillance live = new LiveSurveillance(DAILY);
      List<EmergingIssue> raised = new ArrayList<>();
      for (Observation o : arrivals) {
        int before = raised.size();
        raised.addAll(live.accept(o));
        // invariants after every event: alerts only grow; each is above its baseline and below alpha
        for (int i = before; i < raised.size(); i++) {
          EmergingIssue e = raised.get(i);
          assertTrue(e.count() > e.baseline() && e.pValue() < DAILY.alpha(), "seed " + seed + ": " + e);
          assertEquals(o.at(), e.at());
        }
      }
      List<EmergingIssue> batch = BatchSurveillance.recompute(DAILY, arrivals);
      assertTrue(raised.size() >= 3, "seed " + seed + " injected issues found: " + raised);
      assertEquals(raised, batch, "seed " + seed);
      assertEquals(raised, live.alerts(), "seed " + seed);
    }
  }

  @Test
  void dispositionsMoveContactsAndLiveStillEqualsBatch() {
    for (long seed = 1; seed <= 3; seed++) {
      List<Observation> intake = new SyntheticCity(seed).background(WEEKS * 7, 2_000)
          .cluster(15, 3, 3, 25).burst(18, 0, 120).burst(25, 5, 60).arrivals();
      List<Observation> arrivals = withDispositions(intake, new java.util.SplittableRandom(seed));
      List<EmergingIssue> raised = new ArrayList<>();
      LiveSurveillance live = new LiveSurveillance(DAILY);
      for (Observation o : arrivals) {
        raised.addAll(live.accept(o));
      }
      assertTrue(live.late() > 0, "seed " + seed + ": some dispositions arrive after their day closed");
      assertEquals(raised, BatchSurveillance.recompute(DAILY, arrivals), "seed " + seed);
    }
  }

  @Test
  void aBurstFollowsTheOperatorsCategoryNotTheGuess() {
    List<Observation> history = new SyntheticCity(7).background(WEEKS * 7, 2_000).arrivals();
    java.time.Instant day = SyntheticCity.START.plus(Duration.ofDays(WEEKS * 7L));
    List<Observation> guessedWrong = new ArrayList<>(history);
    List<Observation> guessedRight = new ArrayList<>(history);
    for (int i = 0; i < 150; i++) {
      java.time.Instant at = day.plusSeconds(60L * i);
      Observation guess = Observation.of("c-" + i, at, SyntheticCity.category(0));
      guessedWrong.add(guess);
      guessedWrong.add(guess.recategorized(SyntheticCity.category(9))); // disposed at once
      guessedRight.add(Observation.of("c-" + i, at, SyntheticCity.category(9)));
    }
    String moved = SyntheticCity.category(9) + "@city";
    assertEquals(keys(live(guessedRight)), keys(live(guessedWrong)));
    assertTrue(keys(live(guessedWrong)).contains(moved), "the disposed category bursts: " + live(guessedWrong));
    assertTrue(!keys(live(guessedWrong)).contains(SyntheticCity.category(0) + "@city"), "the guess does not");
  }

  @Test
  void aPlaceLearnedAfterIntakeMovesTheContactIntoItsCell() {
    LiveSurveillance live = new LiveSurveillance(DAILY);
    java.time.Instant at = SyntheticCity.START.plusSeconds(60);
    live.accept(Observation.of("c-1", at, "roads.surface.pothole"));
    Observation placed = new Observation(at, null, 37.5012, 127.0203, "c-1");
    String cell = IssueKeys.hotspots(placed, DAILY).getFirst();
    assertEquals(0, live.openCount(cell));
    live.accept(placed);
    assertEquals(1, live.openCount(cell), "counted in its cell once the place is known");
    assertEquals(1, live.openCount("roads.surface.pothole@city"), "still once city-wide");
    assertEquals(1, live.openCount(IssueKeys.bursts(placed.recategorized("roads.surface.pothole"), DAILY).get(1)));
  }

  private static List<String> keys(List<EmergingIssue> alerts) {
    return alerts.stream().map(EmergingIssue::key).toList();
  }

  /**
   * Gives every contact a subject; a fifth arrive without their place, learned 0..50 arrivals later
   * (an Open311 request's place); a fifth get a disposition to another category 0..400 arrivals later.
   */
  private static List<Observation> withDispositions(List<Observation> intake, java.util.SplittableRandom random) {
    java.util.TreeMap<Integer, List<Observation>> later = new java.util.TreeMap<>();
    List<Observation> arrivals = new ArrayList<>();
    for (int i = 0; i < intake.size(); i++) {
      Observation o = intake.get(i);
      Observation contact = new Observation(o.at(), o.category(), o.latitude(), o.longitude(), "c-" + i);
      if (random.nextInt(5) == 0) {
        later.computeIfAbsent(i + random.nextInt(50), k -> new ArrayList<>())
            .add(new Observation(o.at(), null, o.latitude(), o.longitude(), "c-" + i));
        contact = Observation.of("c-" + i, o.at(), o.category());
      }
      arrivals.add(contact);
      if (random.nextInt(5) == 0) {
        String category = SyntheticCity.category(random.nextInt(4) == 0 ? 0 : random.nextInt(SyntheticCity.CATEGORIES));
        later.computeIfAbsent(i + random.nextInt(400), k -> new ArrayList<>())
            .add(new Observation(o.at(), category, Double.NaN, Double.NaN, "c-" + i));
      }
      List<Observation> due = later.remove(i);
      if (due != null) {
        arrivals.addAll(due);
      }
    }
    later.values().forEach(arrivals::addAll);
    return arrivals;
  }

  private static List<EmergingIssue> live(List<Observation> arrivals) {
    LiveSurveillance live = new LiveSurveillance(DAILY);
    arrivals.forEach(live::accept);
    return live.alerts();
  }

  private static void assertFound(List<EmergingIssue> alerts, long seed, EmergingIssue.Kind kind, String key, int day) {
    boolean found = alerts.stream().anyMatch(a -> a.kind() == kind && a.key().equals(key)
        && a.periodStart().equals(SyntheticCity.START.plus(Duration.ofDays(day))));
    assertTrue(found, "seed " + seed + ": no " + kind + " for " + key + " on day " + day + "; alerts: " + alerts);
  }
}
