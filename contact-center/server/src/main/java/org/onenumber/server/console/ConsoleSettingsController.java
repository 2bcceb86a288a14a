package org.onenumber.server.console;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.Language;
import org.onenumber.server.persistence.JdbcDirectory;

/**
 * {@code GET /api/v1/console/settings}: what the console shows for the signed-in user: the break
 * reasons the city configures ({@code onenumber.console.break-reasons}) and, for an operator, their
 * name and languages (answers are searched in all of them, the conversation's first).
 */
@Controller("/api/v1/console/settings")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "console")
final class ConsoleSettingsController {

  @Serdeable
  record Settings(String user, String name, List<String> languages, List<String> roles, List<String> breakReasons) {}

  private final JdbcDirectory directory;
  private final List<String> breakReasons;

  ConsoleSettingsController(JdbcDirectory directory,
      @Value("${onenumber.console.break-reasons:lunch,training,personal,meeting}") List<String> breakReasons) {
    this.directory = directory;
    this.breakReasons = List.copyOf(breakReasons);
  }

  @Get
  @Operation(summary = "Break reasons, and the signed-in operator's name and languages")
  Settings settings(Authentication who) {
    Agent agent = directory.agent(new AgentId(who.getName())).orElse(null);
    return new Settings(who.getName(), agent == null ? null : agent.name(),
        agent == null ? List.of() : agent.languages().stream().map(Language::code).sorted().toList(),
        List.copyOf(who.getRoles()), breakReasons);
  }
}
