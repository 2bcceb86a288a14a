package org.onenumber.server.analytics;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.sse.Event;
import io.micronaut.json.JsonMapper;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.onenumber.server.security.CitizenDataAccess;
import org.onenumber.server.web.EventStreamHeartbeat;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Emerging-issue alerts pushed to the wallboard and hotspot pages as the live fold raises them
 * (server-sent events): a {@code ready} event once subscribed, then one {@code issue} event per
 * alert, shaped as a row of {@code GET /api/v1/analytics/issues}. Supervisors and administrators
 * get every alert; department staff the bursts of their own department's types. No personal data.
 */
@Controller("/api/v1/analytics/issues/stream")
@Tag(name = "analytics")
final class IssueAlertsController {

  private final IssueAlertHub hub;
  private final IssueRows rows;
  private final CitizenDataAccess access;
  private final JsonMapper json;
  private final EventStreamHeartbeat heartbeat;

  IssueAlertsController(IssueAlertHub hub, IssueRows rows, CitizenDataAccess access, JsonMapper json,
      EventStreamHeartbeat heartbeat) {
    this.heartbeat = heartbeat;
    this.hub = hub;
    this.rows = rows;
    this.access = access;
    this.json = json;
  }

  @Get(produces = MediaType.TEXT_EVENT_STREAM)
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN", "ANALYST"})
  @Operation(summary = "Emerging-issue alerts pushed as they are raised (server-sent events): supervisors every "
      + "alert, department staff their department's bursts; a comment ': ping N' at the start and every N s"
      + " (onenumber.sse.heartbeat-seconds)")
  Publisher<Event<String>> stream(Authentication who) {
    String department = access.departmentFigures(who, null);
    Flux<Event<String>> alerts = hub.stream(i -> department == null || department.equals(rows.departmentOf(i)))
        .map(i -> Event.of(write(rows.issue(i))).name("issue"));
    return heartbeat.around(Flux.concat(Flux.just(Event.of("{}").name("ready")), alerts));
  }

  private String write(Object row) {
    try {
      return json.writeValueAsString(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
