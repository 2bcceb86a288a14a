package org.onenumber.server.casework;

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
import org.onenumber.server.security.Role;
import org.onenumber.server.web.EventStreamHeartbeat;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

/**
 * Overdue alerts pushed to the pages of the people who must act: department staff get their own
 * department's, supervisors and administrators every department's (the contact center's
 * escalation list). Server-sent events: a {@code ready} event once the viewer is subscribed, then
 * one {@code overdue} event per case as it goes overdue and a {@code low-rating} event when a
 * citizen rates an answer 1 or 2; staff also get a {@code call-invite} event
 * when an operator invites their department into a call ({@link DepartmentCallInvites}).
 */
@Controller("/api/v1/case-alerts")
@Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
@Tag(name = "cases")
final class CaseAlertsController {

  private final CaseAlertHub hub;
  private final DepartmentCallInvites callInvites;
  private final CitizenDataAccess access;
  private final JsonMapper json;
  private final EventStreamHeartbeat heartbeat;

  CaseAlertsController(CaseAlertHub hub, DepartmentCallInvites callInvites, CitizenDataAccess access, JsonMapper json,
      EventStreamHeartbeat heartbeat) {
    this.heartbeat = heartbeat;
    this.hub = hub;
    this.callInvites = callInvites;
    this.access = access;
    this.json = json;
  }

  @Get(value = "/stream", produces = MediaType.TEXT_EVENT_STREAM)
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Overdue cases pushed as they go overdue and low ratings as they come (server-sent events"
      + " overdue, low-rating): staff their department's, supervisors every department's; staff also get"
      + " invitations into a call (call-invite); a comment ': ping N' at the start and every N s"
      + " (onenumber.sse.heartbeat-seconds)")
  Publisher<Event<String>> stream(Authentication who) {
    String department = access.departmentFigures(who, null);
    Flux<Event<String>> alerts = hub.stream(a -> department == null || department.equals(a.department()))
        .map(a -> Event.of(write(a)).name(a.eventName()));
    if (department != null && who.getRoles().contains(Role.DEPARTMENT_STAFF.name())) {
      alerts = Flux.merge(alerts, callInvites.stream(department).map(i -> Event.of(write(i)).name("call-invite")));
    }
    return heartbeat.around(Flux.concat(Flux.just(Event.of("{}").name("ready")), alerts));
  }

  private String write(Object alert) {
    try {
      return json.writeValueAsString(alert);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
