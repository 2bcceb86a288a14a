package org.onenumber.server.console;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.server.console.JdbcMacros.Macro;

/**
 * {@code /api/v1/macros}: canned responses. Everyone signed in reads them (by language, and
 * department); supervisors and admins create, replace and delete them.
 */
@Controller("/api/v1/macros")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "console")
final class MacrosController {

  @Serdeable
  record MacroBody(String title, String body, String language, @Nullable String department) {}

  @Serdeable
  record Macros(List<Macro> items) {}

  private final JdbcMacros macros;

  MacrosController(JdbcMacros macros) {
    this.macros = macros;
  }

  @Get
  @Operation(summary = "Macros for a language: those for every department and, if given, the department's own")
  Macros find(@QueryValue String language, @Nullable @QueryValue String department) {
    return new Macros(macros.find(language, department));
  }

  @Get("/all")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Every macro of every language and department (supervisors' management page)")
  Macros all() {
    return new Macros(macros.all());
  }

  @Put("/{id}")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Create or replace a macro (variables: {citizenName}, {caseNumber}, {operatorName})")
  Macro put(@PathVariable String id, @Body MacroBody body, Authentication who) {
    InvalidInputException.require(body, "body");
    return macros.put(id, body.title(), body.body(), body.language(), body.department(), who.getName());
  }

  @Delete("/{id}")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Delete a macro")
  HttpResponse<?> delete(@PathVariable String id) {
    if (!macros.delete(id)) {
      throw new NotFoundException("macro", id);
    }
    return HttpResponse.noContent();
  }
}
