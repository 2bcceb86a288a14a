package org.onenumber.server.happycall;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.happycall.HappyCalls;
import org.onenumber.server.api.LookBack;

/**
 * Supervisors' view of the Happy-call surveys: the results of a period (counts) and the follow-up
 * tasks, contacts whose citizen scored the survey low. Carries the contact id, score and time only, no personal data (the contact view, audited
 * through {@code CitizenDataAccess}, shows who it was).
 */
@Controller("/api/v1/happy-calls")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "happy-call")
final class HappyCallController {

  /** One follow-up task. */
  @Serdeable
  record FollowUpView(String contactId, int score, String openedAt) {}

  /** The longest look back of the summary, in days. */
  static final int MAX_DAYS = 31;

  private final HappyCalls happy;
  private final HappyCallResults results;
  private final InstantSource clock;

  HappyCallController(HappyCalls happy, HappyCallResults results, InstantSource clock) {
    this.happy = happy;
    this.results = results;
    this.clock = clock;
  }

  @Get("/summary{?days}")
  @Operation(summary = "Happy-call results of the surveys due in the last days (1-31, default 7): surveys, waiting,"
      + " sent, answered, skipped, answered %, average score and the count of each score 1-5 (counts only)")
  HappyCallResults.Summary summary(@Nullable @QueryValue Integer days) {
    return results.since(clock.instant().minus(Duration.ofDays(LookBack.days(days, 7, MAX_DAYS))));
  }

  @Get("/follow-ups{?limit}")
  @Operation(summary = "Happy-call follow-up tasks: contacts whose survey scored 1 or 2, newest first")
  List<FollowUpView> followUps(@QueryValue(defaultValue = "100") int limit) {
    if (limit < 1 || limit > 1000) {
      throw new InvalidInputException("limit must be 1..1000");
    }
    return happy.followUps(limit).stream()
        .map(f -> new FollowUpView(f.contact().value(), f.score(), f.openedAt().toString())).toList();
  }
}
