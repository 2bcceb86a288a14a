package org.onenumber.server.welfare;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
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
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.core.welfare.Senior;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.core.welfare.WeekPlan;
import org.onenumber.core.welfare.WelfareProgram;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.ops.staffing.IntervalStaffing;
import org.onenumber.ops.staffing.StaffingPlanner;
import org.onenumber.ops.staffing.StaffingRequest;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.onenumber.server.persistence.JdbcWelfareSchedule;
import org.onenumber.server.security.CitizenDataAccess;

/**
 * The welfare-call program's API: the registry import, a senior's card, planning a week with the
 * operators it needs, the preview calls waiting for operators and their outcomes, today's figures.
 */
@Controller("/api/v1/welfare")
@Secured({"SUPERVISOR", "ADMIN"})
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "welfare")
final class WelfareController {

  private final WelfareProgram program;
  private final WelfareSettings settings;
  private final WelfareConfig config;
  private final JdbcSeniorRegistry seniors;
  private final JdbcWelfareSchedule schedule;
  private final CitizenDataAccess access;
  private final WelfareToday today;

  WelfareController(WelfareProgram program, WelfareSettings settings, WelfareConfig config, JdbcSeniorRegistry seniors,
      JdbcWelfareSchedule schedule, CitizenDataAccess access, WelfareToday today) {
    this.program = program;
    this.settings = settings;
    this.config = config;
    this.seniors = seniors;
    this.schedule = schedule;
    this.access = access;
    this.today = today;
  }

  @Serdeable
  record RefusedRow(long line, String reason) {}

  @Serdeable
  record ImportReport(boolean stored, int accepted, int refused, List<RefusedRow> rows) {}

  @Post(uri = "/seniors/import{?dryRun}", consumes = {"text/csv", MediaType.TEXT_PLAIN})
  @Operation(summary = "Import seniors from CSV: all rows or none; 200 with the count, or 422 with each refused"
      + " row's line and reason (dryRun=true only validates)")
  HttpResponse<ImportReport> importSeniors(@Body String csv, @Nullable @QueryValue Boolean dryRun, Authentication who,
      HttpRequest<?> request) {
    InvalidInputException.requireText(csv, "body");
    SeniorCsv.Parsed parsed = SeniorCsv.read(new StringReader(csv), p -> seniors.findByPhone(p).map(Senior::id));
    List<RefusedRow> rows = parsed.refused().stream().limit(1_000)
        .map(r -> new RefusedRow(r.line(), r.reason())).toList();
    boolean store = parsed.refused().isEmpty() && !Boolean.TRUE.equals(dryRun) && !parsed.accepted().isEmpty();
    if (store) {
      seniors.saveAll(parsed.accepted());
      access.importSeniors(who, request, parsed.accepted().size());
    }
    ImportReport report = new ImportReport(store, parsed.accepted().size(), parsed.refused().size(), rows);
    return parsed.refused().isEmpty() ? HttpResponse.ok(report) : HttpResponse.unprocessableEntity().body(report);
  }

  @Serdeable
  record SeniorCard(String id, String name, List<String> phones, String address, String district, String language,
      boolean consentCalls, boolean consentSms, boolean consentSharing, boolean consentEmergencyContact,
      String consentBy, Instant consentAt, List<String> emergencyContacts, String worker, List<String> windows,
      String mode, String careNotes, LocalDate enrolledOn, @Nullable LocalDate endsOn) {

    static SeniorCard of(Senior s) {
      return new SeniorCard(s.id().value(), s.name(), s.phones().stream().map(p -> p.value()).toList(), s.address(),
          s.district(), s.language().code(), s.consent().calls(), s.consent().sms(), s.consent().sharing(),
          s.consent().emergencyContact(), s.consent().givenBy(), s.consent().givenAt(),
          s.emergencyContacts().stream().map(e -> e.name() + " (" + e.relation() + ") " + e.phone().value()).toList(),
          s.worker(), s.windows().stream().map(Object::toString).toList(), s.mode().name(), s.careNotes(),
          s.enrolledOn(), s.endsOn());
    }
  }

  @Get("/seniors/{id}")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "A senior's card (audited): supervisors always, an operator while the senior's preview call"
      + " waits for them")
  SeniorCard senior(@PathVariable String id, Authentication who, HttpRequest<?> request) {
    SeniorId seniorId = new SeniorId(id);
    boolean previewDue = program.previews().stream().anyMatch(a -> a.senior().equals(seniorId));
    access.viewSenior(who, request, id, previewDue);
    return SeniorCard.of(seniors.find(seniorId).orElseThrow(() -> new NotFoundException("senior", id)));
  }

  @Serdeable
  record DayPlan(LocalDate day, int calls, int peakOperators) {}

  @Serdeable
  record WeekView(LocalDate monday, boolean plannedNow, int calls, int unplanned, List<DayPlan> days) {}

  @Post("/weeks/{monday}/plan")
  @Operation(summary = "Plan the week starting on this Monday (once; later calls answer plannedNow=false) and the"
      + " operators each day needs by Erlang C (80% within 60 s)")
  WeekView plan(@PathVariable String monday) {
    LocalDate day = date(monday);
    var plan = program.planWeek(day);
    if (plan.isEmpty()) {
      long calls = schedule.between(day, day.plusDays(6)).stream().filter(a -> a.number() == 1).count();
      return new WeekView(day, false, (int) calls, 0, List.of());
    }
    return view(plan.get());
  }

  private WeekView view(WeekPlan plan) {
    List<DayPlan> days = new ArrayList<>();
    for (int d = 0; d < 7; d++) {
      LocalDate day = plan.monday().plusDays(d);
      double[] volumes = plan.volumes(day, 30);
      int calls = (int) java.util.Arrays.stream(volumes).sum();
      int peak = 0;
      if (calls > 0) {
        List<Double> list = java.util.Arrays.stream(volumes).boxed().toList();
        for (IntervalStaffing s : StaffingPlanner.plan(new StaffingRequest(list, 30, config.ahtSeconds, 0.8, 60, 0))) {
          peak = Math.max(peak, s.agents());
        }
      }
      days.add(new DayPlan(day, calls, peak));
    }
    return new WeekView(plan.monday(), true, plan.calls().size(), plan.unplanned().size(), days);
  }

  @Serdeable
  record PreviewView(String contactId, String seniorId, Instant dueAt, int attempt) {}

  @Get("/previews")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "Preview calls due and waiting for a welfare operator, earliest first (ids only; the card"
      + " is GET /api/v1/welfare/seniors/{id})")
  List<PreviewView> previews() {
    return program.previews().stream()
        .map(a -> new PreviewView(a.contact().value(), a.senior().value(), a.dueAt(), a.number())).toList();
  }

  @Serdeable
  record OutcomeBody(String outcome) {}

  @Serdeable
  record OutcomeView(String contactId, String outcome, boolean recorded) {}

  @Post("/check-ins/{contactId}/outcome")
  @Secured({"OPERATOR", "SUPERVISOR", "ADMIN"})
  @Operation(summary = "An operator's disposition of a preview call: WELL, CONCERN, WANTS_TO_TALK, NO_ANSWER, BUSY,"
      + " MACHINE or FAILED (409 when no check-in is under way for the contact)")
  OutcomeView outcome(@PathVariable String contactId, @Body OutcomeBody body) {
    InvalidInputException.require(body, "body");
    CallOutcome outcome;
    try {
      outcome = CallOutcome.valueOf(InvalidInputException.requireText(body.outcome(), "outcome")
          .strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("outcome must be WELL, CONCERN, WANTS_TO_TALK, NO_ANSWER, BUSY, MACHINE or FAILED");
    }
    if (outcome == CallOutcome.WITHDRAWN) {
      throw new InvalidInputException("outcome must be WELL, CONCERN, WANTS_TO_TALK, NO_ANSWER, BUSY, MACHINE or FAILED");
    }
    if (!program.record(new ContactId(contactId), outcome)) {
      throw new org.onenumber.core.error.IllegalTransitionException("check-in " + contactId, "not under way",
          outcome.name());
    }
    return new OutcomeView(contactId, outcome.name(), true);
  }

  @Get("/today")
  @Operation(summary = "Today's program: enrolled, calls planned, attempts made, reached, not reached, waiting,"
      + " escalated, reached %")
  WelfareToday.Figures today() {
    return today.now();
  }

  private static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("monday must be a date like 2026-11-23");
    }
  }
}
