package org.onenumber.server.analytics;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
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
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import org.onenumber.core.error.InvalidInputException;

/**
 * The anonymised export of classified contacts ({@link AnonymisedExport}) for the city's data team:
 * analysts, supervisors and administrators. {@code from}/{@code to} are local dates
 * ({@code onenumber.ops.zone}), at most {@value #MAX_DAYS} days; default the last 7 days.
 */
@Controller("/api/v1/analytics/export")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "analytics")
final class AnalyticsExportController {

  static final int MAX_DAYS = 366;
  private final AnonymisedExport export;
  private final InstantSource clock;
  private final ZoneId zone;

  AnalyticsExportController(AnonymisedExport export, InstantSource clock,
      @Value("${onenumber.ops.zone:Asia/Seoul}") String zone) {
    this.export = export;
    this.clock = clock;
    this.zone = ZoneId.of(zone);
  }

  @Get(value = "{?from,to}", produces = "text/csv")
  @Secured({"ANALYST", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Anonymised CSV of the contacts created from one local date to another (exclusive; at most "
      + "366 days): hour, channel, language, queue, state, category and who chose it, service, department, wait and "
      + "handle seconds, escalated — no ids, names, phones or words of the citizen")
  HttpResponse<String> csv(@Nullable @QueryValue String from, @Nullable @QueryValue String to) {
    LocalDate today = clock.instant().atZone(zone).toLocalDate();
    LocalDate end = to == null ? today.plusDays(1) : date(to, "to");
    LocalDate start = from == null ? end.minusDays(7) : date(from, "from");
    if (!start.isBefore(end) || start.plusDays(MAX_DAYS).isBefore(end)) {
      throw new InvalidInputException("from must be before to, at most " + MAX_DAYS + " days apart");
    }
    Instant a = start.atStartOfDay(zone).toInstant();
    Instant b = end.atStartOfDay(zone).toInstant();
    return HttpResponse.ok(export.csv(a, b)).header("Content-Disposition",
        "attachment; filename=\"contacts-" + start + "-" + end.minusDays(1) + ".csv\"");
  }

  private static LocalDate date(String text, String name) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name + " must be a date (YYYY-MM-DD)");
    }
  }
}
