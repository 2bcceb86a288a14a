package org.onenumber.ops.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.analytics.Observation;
import org.onenumber.core.analytics.SpatialScan;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.testkit.SharedData;

/**
 * The real NYC 311 night (shared/data/nyc311, 1,000 requests, 977 located): its hotspots in
 * 0.01° cells at p &lt; 0.01 family-wise are five cells, the hottest the 18 requests around
 * 40.805 N 73.955 W (mostly street noise).
 */
class Nyc311HotspotsTest {

  @Test
  void theRealNightHasFiveHotCellsLedByEighteenRequestsInHarlem() throws Exception {
    Path file = SharedData.file("nyc311/311-service-requests-2024-04-15.csv");
    List<Observation> night;
    try (Reader in = Files.newBufferedReader(file)) {
      night = Nyc311Observations.parse(in);
    }
    assertEquals(1000, night.size());
    assertEquals(977, night.stream().filter(Observation::located).count());
    List<SpatialScan.Cell> cells = SpatialScan.scan(night, 0.01, 0.01);
    List<SpatialScan.Cell> hot = cells.stream().filter(SpatialScan.Cell::hot).toList();
    assertEquals(5, hot.size(), hot.toString());
    assertEquals(18, hot.getFirst().count());
    assertEquals(40.805, hot.getFirst().latitude(), 1e-9);
    assertEquals(-73.955, hot.getFirst().longitude(), 1e-9);
    assertEquals(5, hot.getFirst().categories().get("Noise - Street/Sidewalk"));
  }

  @Test
  void anotherFileIsRefusedAndBadRowsAreSkipped() {
    assertThrows(InvalidInputException.class, () -> Nyc311Observations.parse(new StringReader("a,b\n1,2\n")));
    List<Observation> rows = Nyc311Observations.parse(new StringReader(
        "created_date,complaint_type,latitude,longitude\n2024-04-15T23:00:00.000,Noise,40.7,-73.9\nnot a date,X,1,2\n"
            + "2024-04-15T23:01:00.000,Graffiti,,\n"));
    assertEquals(2, rows.size());
    assertTrue(rows.get(0).located());
    assertTrue(!rows.get(1).located());
  }
}
