package org.onenumber.server.ops;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The public figures behind {@code /transparency/}: no login, aggregates only, rate-limited per
 * address ({@code onenumber.rate-limits.transparency-per-minute}, 429 beyond).
 */
@Controller("/api/v1/transparency")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reports")
final class TransparencyController {

  private final TransparencyFigures figures;

  TransparencyController(TransparencyFigures figures) {
    this.figures = figures;
  }

  @Get
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "The city's public service levels by day and month, department reply and closing times "
      + "and answer satisfaction per category (small cells withheld) "
      + "(aggregates only, no login, rate-limited)")
  HttpResponse<String> transparency() {
    return HttpResponse.ok(FigureJson.write(figures.figures())).contentType(MediaType.APPLICATION_JSON_TYPE)
        .header("Cache-Control", "public, max-age=60");
  }
}
