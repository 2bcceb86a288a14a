package org.onenumber.server.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.ops.staffing.IntervalStaffing;
import org.onenumber.ops.staffing.StaffingPlanner;
import org.onenumber.ops.staffing.StaffingRequest;

/**
 * Workforce planning: agents needed per interval for a forecast, by Erlang C (no patience given)
 * or Erlang A (average patience given).
 */
@Controller("/api/v1/staffing")
@Secured({"SUPERVISOR", "ADMIN"})
@Tag(name = "staffing")
final class StaffingController {

  /** The forecast and target, as posted by the staffing page. */
  @Serdeable
  record StaffingBody(List<Double> volumes, @Nullable Integer intervalMinutes, Double ahtSeconds,
      Double targetServiceLevel, @Nullable Double thresholdSeconds, @Nullable Double patienceSeconds) {}

  @Post(produces = MediaType.APPLICATION_JSON)
  @Operation(summary = "Agents needed, expected service level, ASA, occupancy and abandonment per interval")
  String plan(@Body StaffingBody body) {
    InvalidInputException.require(body, "body");
    List<Double> volumes = InvalidInputException.require(body.volumes(), "volumes");
    if (volumes.isEmpty()) {
      throw new InvalidInputException("volumes must list at least one interval's forecast");
    }
    for (int i = 0; i < volumes.size(); i++) {
      Double v = volumes.get(i);
      if (v == null || !Double.isFinite(v) || v < 0) {
        throw new InvalidInputException("volumes[" + i + "] must be a number of contacts, zero or more");
      }
    }
    finite(body.ahtSeconds(), "ahtSeconds");
    finite(body.targetServiceLevel(), "targetServiceLevel");
    finite(body.thresholdSeconds(), "thresholdSeconds");
    finite(body.patienceSeconds(), "patienceSeconds");
    StaffingRequest request = new StaffingRequest(volumes,
        body.intervalMinutes() == null ? 30 : body.intervalMinutes(),
        InvalidInputException.require(body.ahtSeconds(), "ahtSeconds"),
        InvalidInputException.require(body.targetServiceLevel(), "targetServiceLevel"),
        body.thresholdSeconds() == null ? 15 : body.thresholdSeconds(),
        body.patienceSeconds() == null ? 0 : body.patienceSeconds());
    List<Map<String, Object>> intervals = new ArrayList<>();
    int peak = 0;
    for (IntervalStaffing p : StaffingPlanner.plan(request)) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("volume", p.volume());
      row.put("loadErlangs", FigureJson.number(p.loadErlangs()));
      row.put("agents", p.agents());
      row.put("serviceLevel", FigureJson.number(p.serviceLevel()));
      row.put("asaSeconds", FigureJson.number(p.asaSeconds()));
      row.put("occupancy", FigureJson.number(p.occupancy()));
      row.put("abandonProbability", FigureJson.number(p.abandonProbability()));
      intervals.add(row);
      peak = Math.max(peak, p.agents());
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("model", request.erlangA() ? "erlang-a" : "erlang-c");
    answer.put("peakAgents", peak);
    answer.put("intervals", intervals);
    return FigureJson.write(answer);
  }

  private static void finite(Double value, String field) {
    if (value != null && !Double.isFinite(value)) {
      throw new InvalidInputException(field + " must be a number");
    }
  }
}
