package org.onenumber.server.channels;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import org.onenumber.core.casework.CaseAction;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseInbox;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.in.ActOnCase;
import org.onenumber.core.port.in.ActOnCaseCommand;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.server.api.Views.Items;
import org.onenumber.server.channels.MessageViews.CaseView;
import org.onenumber.server.security.CitizenDataAccess;
import org.onenumber.server.welfare.WelfareCaseOutcomes;

/**
 * Department staff work their cases: the inbox and the actions of {@link ActOnCase}. Every action
 * carries the version the caller read (409 {@code version_conflict} with {@code X-Current-Version}
 * when someone else changed the case first); staff act only on their own department's cases (403),
 * supervisors and administrators on any. Each answer is the case as it is now.
 */
@Controller("/api/v1")
@Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cases")
final class CaseWorkController {

  private static final Duration DUE_SOON = Duration.ofHours(24);

  private final ActOnCase desk;
  private final CaseRegistry cases;
  private final CitizenDataAccess access;
  private final InstantSource clock;
  private final WelfareCaseOutcomes welfareOutcomes;

  CaseWorkController(ActOnCase desk, CaseRegistry cases, CitizenDataAccess access, InstantSource clock,
      WelfareCaseOutcomes welfareOutcomes) {
    this.welfareOutcomes = welfareOutcomes;
    this.desk = desk;
    this.cases = cases;
    this.access = access;
    this.clock = clock;
  }

  @Get("/departments/{id}/inbox{?view,limit}")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "A department's inbox: view new, mine, due-soon (24 h), overdue or active, due first; or"
      + " follow-up: cases the citizen rated 2 or less with no staff note since, oldest first")
  Items<CaseView> inbox(@PathVariable String id, @Nullable @QueryValue String view, @Nullable @QueryValue Integer limit,
      Authentication who, HttpRequest<?> request) {
    CaseInbox which = view(view);
    access.viewDepartmentCases(who, request, id);
    int n = limit == null ? 50 : Math.max(1, Math.min(limit, 200));
    Instant now = clock.instant();
    return new Items<>(cases.inbox(new DepartmentId(id), which, who.getName(), now, now.plus(DUE_SOON), n).stream()
        .map(CaseView::of).toList());
  }

  @Get("/overdue-cases{?limit}")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Every department's overdue cases, most overdue first: the contact center supervisors' escalation list")
  Items<CaseView> overdue(@Nullable @QueryValue Integer limit, Authentication who, HttpRequest<?> request) {
    access.viewDepartmentCases(who, request, "all");
    int n = limit == null ? 100 : Math.max(1, Math.min(limit, 500));
    Instant now = clock.instant();
    return new Items<>(cases.dueBefore(now, n).stream().map(CaseView::of).toList());
  }

  @Post("/cases/{id}/accept")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Accept the case for the department (you become its assignee); the citizen is told")
  @ApiResponse(responseCode = "409", description = "the case changed since your version, or cannot be accepted now")
  CaseView accept(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    return act(id, body, who, request, new CaseAction.Accept(body == null ? null : body.publicNote()));
  }

  @Post("/cases/{id}/notes")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Add an internal and/or public note; a public note is sent to the citizen")
  CaseView note(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    return act(id, body, who, request, new CaseAction.Note(body(body).note(), body.publicNote()));
  }

  @Post("/cases/{id}/questions")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Ask the citizen a question on their channel; their reply threads back into the case")
  CaseView ask(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    return act(id, body, who, request, new CaseAction.Ask(body(body).question()));
  }

  @Post("/cases/{id}/status")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Move the case: IN_PROGRESS, WAITING_ON_DEPARTMENT, WAITING_ON_CITIZEN, REJECTED or CLOSED"
      + " (a welfare case to REJECTED or CLOSED with its welfareOutcome)")
  CaseView move(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    CaseStatus to = status(body(body).status());
    CaseAction move = new CaseAction.Move(to, body.note(), body.publicNote());
    return to == CaseStatus.CLOSED || to == CaseStatus.REJECTED ? ending(id, body, who, request, move)
        : act(id, body, who, request, move);
  }

  @Post("/cases/{id}/reassign")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Hand the case to another department with a reason (unknown department: 400)")
  CaseView reassign(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    InvalidInputException.requireText(body(body).department(), "department");
    return act(id, body, who, request, new CaseAction.Reassign(new DepartmentId(body.department()), body.reason()));
  }

  @Post("/cases/{id}/resolve")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Resolve the case with the public answer the citizen receives; a welfare case also with its welfareOutcome")
  CaseView resolve(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    return ending(id, body, who, request, new CaseAction.Resolve(body(body).publicAnswer(), body.note()));
  }

  @Post("/cases/{id}/merge")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Merge this duplicate into another case, which takes over its contacts")
  CaseView merge(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    InvalidInputException.requireText(body(body).into(), "into");
    return act(id, body, who, request, new CaseAction.Merge(new CaseId(body.into()), body.note()));
  }

  @Post("/cases/{id}/reopen")
  @Secured({"DEPARTMENT_STAFF", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Reopen a resolved case on the citizen's behalf, within the reopen window")
  CaseView reopen(@PathVariable String id, @Body CaseWorkRequest body, Authentication who, HttpRequest<?> request) {
    return act(id, body, who, request, new CaseAction.Reopen(body(body).reason()));
  }

  private CaseView act(String id, CaseWorkRequest body, Authentication who, HttpRequest<?> request,
      CaseAction action) {
    if (body(body).version() == null) {
      throw new InvalidInputException("version is required: the case version you read");
    }
    var c = cases.find(new CaseId(id)).orElseThrow(() -> new NotFoundException("case", id));
    access.actOnCase(who, request, c);
    return CaseView.of(desk.act(new ActOnCaseCommand(c.id(), body.version(), who.getName(), action)));
  }

  /** An action that ends the case: a welfare case's outcome is required first and recorded once it ended. */
  private CaseView ending(String id, CaseWorkRequest body, Authentication who, HttpRequest<?> request,
      CaseAction action) {
    var outcome = welfareOutcomes.required(new CaseId(id), body.welfareOutcome());
    CaseView ended = act(id, body, who, request, action);
    outcome.ifPresent(o -> welfareOutcomes.record(new CaseId(id), o, clock.instant()));
    return ended;
  }

  private static CaseWorkRequest body(CaseWorkRequest body) {
    return InvalidInputException.require(body, "body");
  }

  private static CaseInbox view(String text) {
    if (text == null || text.isBlank()) {
      return CaseInbox.ACTIVE;
    }
    try {
      return CaseInbox.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("view must be new, mine, due-soon, overdue, active or follow-up");
    }
  }

  private static CaseStatus status(String text) {
    InvalidInputException.requireText(text, "status");
    try {
      return CaseStatus.valueOf(text.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("status must be IN_PROGRESS, WAITING_ON_DEPARTMENT, WAITING_ON_CITIZEN,"
          + " REJECTED or CLOSED");
    }
  }
}
