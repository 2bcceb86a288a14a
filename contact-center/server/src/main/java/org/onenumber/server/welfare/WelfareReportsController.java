package org.onenumber.server.welfare;

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
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import org.onenumber.server.api.LookBack;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * The welfare program page's reports for welfare supervisors: the escalations of the last days
 * (each senior listed is audited) and the per-district figures (counts only, nobody named).
 */
@Controller("/api/v1/welfare")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "welfare")
final class WelfareReportsController {

  /** The longest look back, in days. */
  static final int MAX_DAYS = 31;

  private final WelfareReports reports;
  private final CitizenDataAccess access;
  private final InstantSource clock;

  WelfareReportsController(WelfareReports reports, CitizenDataAccess access, InstantSource clock) {
    this.reports = reports;
    this.access = access;
    this.clock = clock;
  }

  @Get("/escalations{?days}")
  @Operation(summary = "Escalations of the last days (1-31, default 7), newest first, at most 200: the senior's id"
      + " and district, why (UNREACHED, ASKED_FOR_HELP, CONCERN), when, and the welfare case with its status;"
      + " every senior listed is audited")
  Items<WelfareReports.EscalationRow> escalations(@Nullable @QueryValue Integer days, Authentication who,
      HttpRequest<?> request) {
    List<WelfareReports.EscalationRow> rows = reports.escalations(firstDay(days));
    access.listSeniors(who, request, rows.stream().map(WelfareReports.EscalationRow::seniorId).distinct().toList());
    return new Items<>(rows);
  }

  @Get("/districts{?days}")
  @Operation(summary = "Per-district figures over the last days (1-31, default 7, today included): enrolled,"
      + " attempts done, reached, not reached, escalated, reached %")
  Items<WelfareReports.DistrictRow> districts(@Nullable @QueryValue Integer days) {
    LocalDate from = firstDay(days);
    return new Items<>(reports.districts(from, reports.today(clock.instant())));
  }

  private LocalDate firstDay(Integer days) {
    return reports.today(clock.instant()).minusDays(LookBack.days(days, 7, MAX_DAYS) - 1L);
  }
}
