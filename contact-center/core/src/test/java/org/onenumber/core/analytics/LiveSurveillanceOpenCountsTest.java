package org.onenumber.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The wallboard's category tab reads {@link LiveSurveillance#openCounts}: today's city-wide count per
 * category, moved by a disposition, empty for a day that is not the open one.
 */
class LiveSurveillanceOpenCountsTest {

  private final SurveillanceSettings settings = SurveillanceSettings.daily();
  private final Instant noon = Instant.parse("2026-12-02T03:00:00Z"); // 12:00 at UTC+9

  @Test
  void countsTodaysCategoriesAndFollowsTheDisposition() {
    LiveSurveillance live = new LiveSurveillance(settings);
    live.accept(Observation.of("c-1", noon, "roads.surface.pothole"));
    live.accept(Observation.of("c-2", noon.plusSeconds(60), "roads.surface.pothole"));
    live.accept(new Observation(noon.plusSeconds(120), "noise.construction.night", 37.5665, 126.978, "c-3"));
    long today = settings.periodOf(noon);
    assertEquals(Map.of("roads.surface.pothole@city", 2, "noise.construction.night@city", 1),
        live.openCounts(today, "@city"));

    live.accept(Observation.of("c-2", noon.plusSeconds(600), "noise.construction.night"));
    assertEquals(Map.of("roads.surface.pothole@city", 1, "noise.construction.night@city", 2),
        live.openCounts(today, "@city"), "the disposition moved c-2");
    assertEquals(Map.of(), live.openCounts(today + 1, "@city"), "tomorrow has nothing yet");
    assertEquals(Map.of(), live.openCounts(today - 1, "@city"), "yesterday is closed");
  }
}
