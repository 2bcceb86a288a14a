package org.onenumber.server.analytics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.SurveillanceSettings;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.server.analytics.JdbcCellRecords.Located;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * The map page's drill-down: the located contacts and cases of the hotspot grid cell that holds a
 * point (the cell size of the emerging-issue settings), filed in the last {@code days} days, newest
 * first, at most {@value #LIMIT}: category, time, status. Supervisors and administrators also see the
 * citizen's words and address (their work: sending a department out), each row audited as a view;
 * analysts see the anonymised rows only (no ids, no words, no address), each audited as a list.
 */
@Controller("/api/v1/analytics/cells")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
final class CellRecordsController {

  static final int LIMIT = 200;
  private final JdbcCellRecords records;
  private final SurveillanceSettings settings;
  private final CategoryTree tree;
  private final CitizenDataAccess access;
  private final InstantSource clock;

  CellRecordsController(JdbcCellRecords records, SurveillanceSettings settings, CategoryTree tree,
      CitizenDataAccess access, InstantSource clock) {
    this.records = records;
    this.settings = settings;
    this.tree = tree;
    this.access = access;
    this.clock = clock;
  }

  @Get("{?lat,lon,days}")
  @Secured({"SUPERVISOR", "ADMIN", "ANALYST"})
  @Operation(summary = "The located contacts and cases of the hotspot cell holding (lat, lon), filed in the last "
      + "days (1..90, default 28): category, time, status; supervisors also see the citizen's words and address "
      + "(audited), analysts anonymised rows")
  Map<String, Object> cell(@Nullable @QueryValue Double lat, @Nullable @QueryValue Double lon,
      @Nullable @QueryValue Integer days, Authentication who, HttpRequest<?> request) {
    if (lat == null || lon == null || !(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
      throw new InvalidInputException("lat and lon must be a point (latitude -90..90, longitude -180..180)");
    }
    int window = days == null ? 28 : days;
    if (window < 1 || window > 90) {
      throw new InvalidInputException("days must be 1..90");
    }
    double size = settings.cellDegrees();
    long row = (long) Math.floor(lat / size);
    long col = (long) Math.floor(lon / size);
    String key = "cell:" + row + ":" + col;
    boolean personal = CitizenDataAccess.supervises(who);
    List<Map<String, Object>> items = new ArrayList<>();
    for (Located r : records.inCell(row * size, col * size, (row + 1) * size, (col + 1) * size,
        clock.instant().minus(Duration.ofDays(window)), LIMIT)) {
      access.listForHotspot(who, request, r.caseId() == null ? "contact" : "case",
          r.caseId() == null ? r.contactId() : r.caseId(), r.citizen(), key);
      items.add(item(r, personal));
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("cell", key);
    body.put("south", row * size);
    body.put("west", col * size);
    body.put("north", (row + 1) * size);
    body.put("east", (col + 1) * size);
    body.put("days", window);
    body.put("personal", personal);
    body.put("items", items);
    return body;
  }

  private Map<String, Object> item(Located r, boolean personal) {
    Map<String, Object> item = new LinkedHashMap<>();
    String category = r.disposition() != null ? r.disposition() : r.caseCategory();
    item.put("category", category);
    tree.find(category == null ? "" : category).filter(t -> t.code().equals(category)).ifPresent(t -> {
      item.put("nameKo", t.nameKo());
      item.put("nameEn", t.nameEn());
    });
    item.put("at", r.at().toString());
    item.put("status", r.caseStatus() != null ? r.caseStatus() : r.contactState());
    if (personal) {
      item.put("contactId", r.contactId());
      item.put("caseId", r.caseId());
      item.put("address", r.address());
      item.put("description", r.description());
    }
    return item;
  }
}
