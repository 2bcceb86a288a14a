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
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;
import org.onenumber.server.welfare.WelfareIntervals;

/**
 * Interval reports recomputed in batch from the stored per-contact timestamps (never from the
 * live fold), per center, queue, channel, language and agent, then per category (issue 18: the
 * day's {@code categories} most frequent, default 10, and {@code other}), then the welfare
 * program's calls per district ({@link WelfareIntervals}), as JSON or CSV.
 */
@Controller("/api/v1/reports")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class ReportsController {

  /** Category rows by default: the day's ten most frequent categories, then {@code other}. */
  static final int TOP_CATEGORIES = 10;
  static final int MAX_CATEGORIES = 100;

  private final JdbcServiceLevelFacts facts;
  private final ContactCategories categories;
  private final ServiceLevelPolicy policy;
  private final InstantSource clock;
  private final WelfareIntervals welfare;

  ReportsController(JdbcServiceLevelFacts facts, ContactCategories categories, ServiceLevelPolicy policy,
      InstantSource clock, WelfareIntervals welfare) {
    this.welfare = welfare;
    this.facts = facts;
    this.categories = categories;
    this.policy = policy;
    this.clock = clock;
  }

  @Get(value = "/intervals")
  @Operation(summary = "Figures per 15/30/60-minute interval of a day, with a total row per scope (center, queues, channels, languages, agents, top categories and other), from stored timestamps")
  HttpResponse<String> intervals(@QueryValue String date, @Nullable @QueryValue String format,
      @Nullable @QueryValue Integer minutes, @Nullable @QueryValue Integer categories) {
    LocalDate day;
    try {
      day = LocalDate.parse(InvalidInputException.requireText(date, "date"));
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("date must be YYYY-MM-DD, got '" + date + "'");
    }
    int length = minutes == null ? 15 : minutes;
    if (length != 15 && length != 30 && length != 60) {
      throw new InvalidInputException("minutes must be 15, 30 or 60");
    }
    int top = categories == null ? TOP_CATEGORIES : categories;
    if (top < 0 || top > MAX_CATEGORIES) {
      throw new InvalidInputException("categories must be 0 to " + MAX_CATEGORIES);
    }
    Instant now = clock.instant();
    Instant start = day.atStartOfDay(policy.zone()).toInstant();
    Instant end = day.plusDays(1).atStartOfDay(policy.zone()).toInstant();
    DayFigures figures = DayFigures.read(DayFigures.Journal.of(this.categories, facts), policy, start, end, now, top);
    List<Map<String, Object>> rows = new ArrayList<>(IntervalReport.rows(figures.center, start, end, length, now));
    rows.addAll(IntervalReport.categoryRows(figures.categories, start, end, length, now));
    rows.addAll(welfare.rows(start, end, length));
    if ("csv".equals(format)) {
      return HttpResponse.ok(IntervalReport.csv(rows)).contentType("text/csv; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"intervals-" + day + ".csv\"");
    }
    if (format != null && !"json".equals(format)) {
      throw new InvalidInputException("format must be json or csv");
    }
    return HttpResponse.ok(FigureJson.write(Map.of("date", day.toString(), "minutes", length,
        "definitions", FigureJson.definitions(policy, now), "rows", rows))).contentType(MediaType.APPLICATION_JSON_TYPE);
  }
}
