package org.onenumber.server.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.in.EscalateCaseCommand;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.channels.MessageViews.CaseView;
import org.onenumber.server.channels.MessageViews.EscalateRequest;
import org.onenumber.server.security.CitizenDataAccess;

/** Escalating a contact to a department, and reading cases (minimal: the portal comes later). */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cases")
final class CasesController {

  private final EscalateCase escalate;
  private final CaseRegistry cases;
  private final ContactJournal journal;
  private final CitizenDataAccess access;

  CasesController(EscalateCase escalate, CaseRegistry cases, ContactJournal journal, CitizenDataAccess access) {
    this.escalate = escalate;
    this.cases = cases;
    this.journal = journal;
    this.access = access;
  }

  @Post("/contacts/{id}/escalate")
  @Status(HttpStatus.CREATED)
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Open a case for a department from this contact; the citizen is sent the case number")
  CaseView escalate(@PathVariable String id, @Body EscalateRequest request, Authentication who) {
    InvalidInputException.require(request, "body");
    InvalidInputException.requireText(request.department(), "department");
    access.act(who, journal.find(new ContactId(id)).orElseThrow(() -> new NotFoundException("contact", id)));
    CasePriority priority = request.priority() == null ? null : priority(request.priority());
    return CaseView.of(escalate.escalate(new EscalateCaseCommand(new ContactId(id),
        new DepartmentId(request.department()), request.category(), request.summary(), priority, who.getName())));
  }

  @Get("/cases/{id}")
  @Operation(summary = "A case with its status history and linked contacts")
  CaseView find(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    var c = cases.find(new CaseId(id)).orElseThrow(() -> new NotFoundException("case", id));
    access.viewCase(who, request, c);
    return CaseView.of(c);
  }

  @Get("/departments/{id}/cases{?limit}")
  @Operation(summary = "A department's cases, newest first")
  Items<CaseView> byDepartment(@PathVariable String id, @Nullable @QueryValue Integer limit, Authentication who,
      HttpRequest<?> request) {
    access.viewDepartmentCases(who, request, id);
    int n = limit == null ? 100 : Math.max(1, Math.min(limit, 500));
    return new Items<>(cases.byDepartment(new DepartmentId(id), n).stream().map(CaseView::of).toList());
  }

  private static CasePriority priority(String text) {
    try {
      return CasePriority.valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("priority must be LOW, NORMAL, HIGH or URGENT");
    }
  }
}
