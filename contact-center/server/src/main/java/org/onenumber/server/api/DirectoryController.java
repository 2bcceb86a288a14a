package org.onenumber.server.api;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.onenumber.server.api.Views.AgentView;
import org.onenumber.server.api.Views.DepartmentView;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.api.Views.QueueView;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * The city's organisation: departments, queues and operators. Public read-only: it is what the
 * city publishes about its service (no citizen data).
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "directory")
final class DirectoryController {

  private final JdbcDirectory directory;

  DirectoryController(JdbcDirectory directory) {
    this.directory = directory;
  }

  @Get("/departments")
  @Operation(summary = "Departments that own cases and answers, with their desk numbers and case due times")
  Items<DepartmentView> departments() {
    return new Items<>(directory.departments().stream()
        .map(d -> DepartmentView.of(d, directory.categories(d.id()))).toList());
  }

  @Get("/queues")
  @Operation(summary = "Queues contacts wait in: languages, channels, required skills, service-level threshold")
  Items<QueueView> queues() {
    return new Items<>(directory.queues().stream().map(QueueView::of).toList());
  }

  @Get("/agents")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Operators with their skills, languages, capacity and current state (the floor's staff only)")
  Items<AgentView> agents() {
    return new Items<>(directory.agents().stream().map(AgentView::of).toList());
  }
}
