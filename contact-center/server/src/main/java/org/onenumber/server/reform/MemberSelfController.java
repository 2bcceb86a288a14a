package org.onenumber.server.reform;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.reform.MemberObservation;

/**
 * A citizen monitoring member's own page ({@code /monitoring/}): signed in with their own login
 * (role {@code MONITOR}, which {@code MonitorRule} keeps to these operations and the anonymous
 * ones), they see their name, mileage balance and their own observations, and file new ones for
 * supervisors to accept or reject, optionally about one of the open reform tasks ({@code /tasks}:
 * id, title and type only). The member is the one whose login is theirs; an account of the
 * role without a member yet becomes one on its first call (named as the account). Nothing of
 * other members or citizens is ever answered.
 */
@Controller("/api/v1/monitoring/me")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured("MONITOR")
@Tag(name = "reform")
final class MemberSelfController {

  private final JdbcMonitoringMembers members;
  private final JdbcReformTasks tasks;
  private final InstantSource clock;

  MemberSelfController(JdbcMonitoringMembers members, JdbcReformTasks tasks, InstantSource clock) {
    this.members = members;
    this.tasks = tasks;
    this.clock = clock;
  }

  @Get
  @Operation(summary = "The signed-in monitoring member: name, mileage balance and their own observations")
  Map<String, Object> me(Authentication who) {
    String member = member(who);
    Map<String, Object> body = new LinkedHashMap<>(members.summary(member));
    body.put("observations", members.observationsOf(member).stream().map(MonitoringController::view).toList());
    return body;
  }

  @Get("/tasks")
  @Operation(summary = "The open reform tasks an observation can be about: id, title and complaint type")
  Map<String, Object> tasks() {
    return Map.of("items", tasks.all().stream().filter(t -> !t.closed()).map(t -> {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", t.id());
      row.put("title", t.title());
      row.put("type", t.type());
      return row;
    }).toList());
  }

  @Post("/observations")
  @Operation(summary = "File an observation as the signed-in monitoring member, optionally about an open reform task")
  Map<String, Object> file(@Nullable @Body MonitoringController.Observed body, Authentication who) {
    String text = MonitoringController.text(InvalidInputException.require(body, "body"));
    String task = body.task() == null || body.task().isBlank() ? null : body.task();
    if (task != null && tasks.find(task).filter(t -> !t.closed()).isEmpty()) {
      throw new InvalidInputException("task must be an open reform task");
    }
    MemberObservation o = MemberObservation.file(UUID.randomUUID().toString(), member(who), task, text,
        clock.instant());
    members.file(o);
    return MonitoringController.view(o);
  }

  private String member(Authentication who) {
    Object name = who.getAttributes().get("name");
    return members.memberOfLogin(who.getName(), name == null ? who.getName() : name.toString(), clock.instant());
  }
}
