package org.onenumber.server.api;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.core.port.in.SearchAnswers;
import org.onenumber.server.api.AnswerViews.NearestView;
import org.onenumber.server.api.Views.Items;

/**
 * Facilities described by live answers (community centres, testing sites, recycling yards),
 * nearest first. Public: it is what the city publishes, for the location service.
 */
@Controller("/api/v1/facilities")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "answers")
final class FacilitiesController {

  private final SearchAnswers answers;

  FacilitiesController(SearchAnswers answers) {
    this.answers = answers;
  }

  @Get("/nearest")
  @Operation(summary = "The nearest facilities of a type to a point (distance in metres)")
  Items<NearestView> nearest(@QueryValue double lat, @QueryValue double lon, @Nullable @QueryValue String type,
      @QueryValue(defaultValue = "5") int limit) {
    return new Items<>(answers.nearest(lat, lon, type, limit).stream().map(NearestView::of).toList());
  }
}
