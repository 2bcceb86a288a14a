package org.onenumber.server.ops;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.performance.DepartmentFigures;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * Department performance per department and category (issue 14, item 6): live from case events
 * (default) or recomputed in batch from the stored cases ({@code source=batch}; the CSV is always
 * the batch). Supervisors and administrators see every department; department staff only their own.
 */
@Controller("/api/v1/reports")
@Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class DepartmentPerformanceController {

  private final DepartmentPerformanceFeed feed;
  private final CitizenDataAccess access;
  private final InstantSource clock;

  DepartmentPerformanceController(DepartmentPerformanceFeed feed, CitizenDataAccess access, InstantSource clock) {
    this.feed = feed;
    this.access = access;
    this.clock = clock;
  }

  @Get("/departments{?department,source,format}")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Department performance per department and category: received, on time, first response and "
      + "resolution times, overdue, reply and reopen rates (staff: own department)")
  HttpResponse<String> departments(@Nullable @QueryValue String department, @Nullable @QueryValue String source,
      @Nullable @QueryValue String format, Authentication who) {
    String only = access.departmentFigures(who, department);
    boolean csv = "csv".equals(format);
    if (format != null && !csv && !"json".equals(format)) {
      throw new InvalidInputException("format must be json or csv");
    }
    if (source != null && !"live".equals(source) && !"batch".equals(source)) {
      throw new InvalidInputException("source must be live or batch");
    }
    Instant now = clock.instant();
    boolean batch = csv || "batch".equals(source);
    List<Map<String, Object>> rows = (batch ? feed.batch(now) : feed.live(now)).stream()
        .filter(f -> only == null || f.department().equals(only)).map(DepartmentPerformanceController::row).toList();
    if (csv) {
      return HttpResponse.ok(IntervalReport.csv(rows)).contentType("text/csv; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"departments.csv\"");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("at", now.toString());
    body.put("source", batch ? "batch" : "live");
    body.put("satisfaction", "the mean of the citizens' ratings (1-5) of the department's answers; rated counts them,"
        + " lowRated those of 2 or less (the inbox's follow-up view)");
    body.put("rows", rows);
    return HttpResponse.ok(FigureJson.write(body)).contentType(MediaType.APPLICATION_JSON_TYPE);
  }

  static Map<String, Object> row(DepartmentFigures f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("department", f.department());
    row.put("category", f.category());
    row.put("received", f.received());
    row.put("answeredOnTime", f.answeredOnTime());
    row.put("firstResponseMedianSeconds", f.firstResponseMedianSeconds());
    row.put("firstResponseP90Seconds", f.firstResponseP90Seconds());
    row.put("resolutionMedianSeconds", f.resolutionMedianSeconds());
    row.put("resolutionP90Seconds", f.resolutionP90Seconds());
    row.put("overdue", f.overdue());
    row.put("replyRate", rate(f.replyRate()));
    row.put("reopenRate", rate(f.reopenRate()));
    row.put("satisfaction", rate(f.satisfaction()));
    row.put("rated", f.rated());
    row.put("lowRated", f.lowRated());
    return row;
  }

  private static Object rate(Double d) {
    return d == null ? null : FigureJson.number(d);
  }
}
