package org.onenumber.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Seeded one-day cities (seeds 1..5): an injected cluster is the hottest cell and hot. (A quiet day
 * of the uneven synthetic city has hot cells too: its busiest cells are busier than the mean, which
 * is what this window-only test finds; own-baseline surveillance is {@link LiveSurveillance}.)
 */
class SpatialScanTest {

  @Test
  void theInjectedClusterIsTheHottestCell() {
    for (long seed = 1; seed <= 5; seed++) {
      List<Observation> clustered = new SyntheticCity(seed).background(1, 2_000).cluster(0, 12, 20, 30).arrivals();
      List<SpatialScan.Cell> cells = SpatialScan.scan(clustered, 0.01, 0.01);
      assertEquals(SyntheticCity.cellKey(12, 20), cells.getFirst().key(), "seed " + seed);
      assertTrue(cells.getFirst().hot(), "seed " + seed + ": " + cells.getFirst());
    }
  }

  @Test
  void unlocatedObservationsAreSkipped() {
    assertTrue(SpatialScan.scan(List.of(Observation.unlocated(SyntheticCity.START, "x")), 0.01, 0.01).isEmpty());
  }
}
