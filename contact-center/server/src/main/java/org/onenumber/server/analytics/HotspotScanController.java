package org.onenumber.server.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onenumber.core.analytics.Observation;
import org.onenumber.core.analytics.SpatialScan;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.ops.analytics.Nyc311Observations;

/**
 * Hotspots and the hourly trend of an uploaded 311 export (the NYC open-data CSV), for the hotspot
 * page: 0.01° cells tested against the export's mean per occupied cell (p &lt; 0.01 family-wise),
 * requests per hour and per complaint type. Nothing is stored; only date, type and place are read.
 * Supervisors and administrators.
 */
@Controller("/api/v1/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
final class HotspotScanController {

  static final double CELL_DEGREES = 0.01;
  static final double ALPHA = 0.01;

  @Post("/hotspots")
  @Consumes("text/csv")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Hotspots and hourly trend of an uploaded 311 export (CSV): 0.01° cells above the export's "
      + "mean per occupied cell at p < 0.01 family-wise, requests per hour and per complaint type")
  Map<String, Object> hotspots(@Nullable @Body String csv) {
    if (csv == null || csv.isBlank()) {
      throw new InvalidInputException("a 311 export (CSV) is required");
    }
    List<Observation> observations = Nyc311Observations.parse(new StringReader(csv));
    List<SpatialScan.Cell> cells = SpatialScan.scan(observations, CELL_DEGREES, ALPHA);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("observations", observations.size());
    body.put("located", observations.stream().filter(Observation::located).count());
    body.put("cellDegrees", CELL_DEGREES);
    body.put("alpha", ALPHA);
    body.put("hot", cells.stream().filter(SpatialScan.Cell::hot).count());
    body.put("cells", cells.stream().map(HotspotScanController::cell).toList());
    body.put("hours", hours(observations));
    body.put("types", types(observations));
    return body;
  }

  private static Map<String, Object> cell(SpatialScan.Cell c) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("latitude", Math.round(c.latitude() * 1e4) / 1e4);
    row.put("longitude", Math.round(c.longitude() * 1e4) / 1e4);
    row.put("count", c.count());
    row.put("expected", Math.round(c.expected() * 100) / 100.0);
    row.put("pValue", c.pValue());
    row.put("hot", c.hot());
    row.put("categories", c.categories());
    return row;
  }

  private static List<Map<String, Object>> hours(List<Observation> observations) {
    Map<Instant, Integer> perHour = new TreeMap<>();
    observations.forEach(o -> perHour.merge(o.at().truncatedTo(ChronoUnit.HOURS), 1, Integer::sum));
    return perHour.entrySet().stream().map(e -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("hour", e.getKey().toString());
      row.put("count", e.getValue());
      return row;
    }).toList();
  }

  private static List<Map<String, Object>> types(List<Observation> observations) {
    Map<String, Integer> perType = new TreeMap<>();
    observations.forEach(o -> perType.merge(o.category() == null ? "" : o.category(), 1, Integer::sum));
    return perType.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(10)
        .map(e -> {
          Map<String, Object> row = new LinkedHashMap<>();
          row.put("type", e.getKey());
          row.put("count", e.getValue());
          return row;
        }).toList();
  }
}
