package org.onenumber.server.welfare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.core.casework.Case;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.in.EscalateCase;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.OutboundCall;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.core.welfare.WelfareProgram;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcCitizenRegistry;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.onenumber.server.persistence.JdbcWelfareSchedule;
import org.onenumber.testkit.FakeCallControl;
import org.onenumber.testkit.FakeMessageGateway;
import org.onenumber.testkit.ManualClock;

/**
 * The welfare program against the running server on H2: the CSV import refuses a bad file whole,
 * a senior's card is audited and shown to supervisors and to the operator of a waiting preview
 * call only; then a week runs on a manual clock over the server's database, case escalation and
 * journal with a fake carrier: a check-in answered 1, one answered 2 (case + worker text), one
 * unreached three times (urgent case + worker text), and a preview call an operator closes over
 * HTTP with "concern" (case).
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WelfareH2IT implements TestPropertyProvider {

  private static final LocalDate MONDAY = LocalDate.of(2027, 3, 8);
  private static final String HEADER = String.join(",", SeniorCsv.COLUMNS) + "\n";

  @Inject EmbeddedServer server;
  @Inject JdbcSeniorRegistry seniors;
  @Inject JdbcWelfareSchedule schedule;
  @Inject JdbcCitizenRegistry citizens;
  @Inject JdbcContactJournal journal;
  @Inject Jdbc jdbc;
  @Inject EscalateCase cases;
  @Inject CaseRegistry caseRegistry;
  @Inject WelfareSettings settings;
  @Inject WelfareDistrictGauges districtGauges;

  private final TestHttp http = new TestHttp();

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(), "spec.name", "WelfareH2IT",
        "onenumber.welfare.dialer", "false");
  }

  private static String row(String id, String phone, String consentBy, String mode, String windows) {
    return id + ",Senior " + id + "," + phone + ",Jongno 1,Jongno-gu,ko,yes,yes,yes,yes," + consentBy
        + ",2026-11-01,Child|son|010-9999-0000,Volunteer Lee,010-8888-7777," + windows + "," + mode
        + ",speak slowly,2026-12-01,\n";
  }

  private HttpResponse<String> send(String method, String path, String contentType, String body, String token)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + path))
        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
    b = body == null ? b.GET() : b.header("Content-Type", contentType).method(method, HttpRequest.BodyPublishers.ofString(body));
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theReportsTakeOneToThirtyOneDaysAndAreForSupervisors() throws Exception {
    String supervisor = http.login(server, "sv-01");
    for (String report : new String[] {"districts", "escalations"}) {
      assertEquals(200, send("GET", "/api/v1/welfare/" + report + "?days=31", null, null, supervisor).statusCode());
      HttpResponse<String> tooMany = send("GET", "/api/v1/welfare/" + report + "?days=32", null, null, supervisor);
      assertEquals(400, tooMany.statusCode(), tooMany.body());
      assertTrue(tooMany.body().contains("days must be between 1 and 31"), tooMany.body());
      assertEquals(400, send("GET", "/api/v1/welfare/" + report + "?days=0", null, null, supervisor).statusCode());
      assertEquals(403, send("GET", "/api/v1/welfare/" + report, null, null, http.login(server, "op-031"))
          .statusCode());
    }
  }

  @Test
  void refusesABadFileWholeNamingEachRowWithoutQuotingIt() throws Exception {
    String csv = HEADER + row("B-1", "not-a-phone", "self", "AUTOMATED", "MON 10:00-12:00;THU 10:00-12:00")
        + row("B-2", "010-1111-0002", "self", "AUTOMATED", "MON 10:00-12:00;THU 10:00-12:00")
        + row("B-2", "010-1111-0003", "self", "AUTOMATED", "MON 10:00-12:00;THU 10:00-12:00")
        + row("B-4", "010-1111-0004", "", "AUTOMATED", "MON 10:00-12:00;THU 10:00-12:00");
    HttpResponse<String> response = send("POST", "/api/v1/welfare/seniors/import", "text/csv", csv,
        http.login(server, "sv-01"));
    assertEquals(422, response.statusCode(), response.body());
    Map<String, Object> report = http.map(server, response);
    assertEquals(false, report.get("stored"));
    assertEquals(3, report.get("refused"));
    String rows = report.get("rows").toString();
    assertTrue(rows.contains("line=2, reason=phones: not a phone number"), rows);
    assertTrue(rows.contains("line=4, reason=id: duplicate of line 3"), rows);
    assertTrue(rows.contains("line=5, reason=consent: who gave it is missing"), rows);
    assertFalse(rows.contains("not-a-phone"), rows);
    assertTrue(seniors.find(new SeniorId("B-2")).isEmpty(), "nothing of a refused file is stored");
  }

  @Test
  void runsAWeekOfCheckInsAndEscalatesOverTheServersDatabase() throws Exception {
    String windows = "MON 09:00-12:00;WED 09:00-12:00;FRI 09:00-12:00";
    String csv = HEADER + row("W-1", "010-2222-0001", "self", "AUTOMATED", windows)
        + row("W-2", "010-2222-0002", "guardian", "AUTOMATED", windows)
        + row("W-3", "010-2222-0003", "self", "AUTOMATED", windows)
        + row("W-4", "010-2222-0004", "self", "PREVIEW", windows);
    String supervisor = http.login(server, "sv-01");
    HttpResponse<String> imported = send("POST", "/api/v1/welfare/seniors/import", "text/csv", csv, supervisor);
    assertEquals(200, imported.statusCode(), imported.body());

    String operator = http.login(server, "op-031");
    assertEquals(403, send("GET", "/api/v1/welfare/seniors/W-4", null, null, operator).statusCode());
    HttpResponse<String> card = send("GET", "/api/v1/welfare/seniors/W-1", null, null, supervisor);
    assertEquals(200, card.statusCode(), card.body());
    assertTrue(card.body().contains("speak slowly"));
    assertEquals(1, jdbc.queryOne("select count(*) from audit_log where record_type = 'senior' and record_id = 'W-1'",
        r -> r.getInt(1)).orElseThrow());

    ManualClock clock = new ManualClock(MONDAY.atTime(8, 0).atZone(ZoneId.of("Asia/Seoul")).toInstant());
    FakeCallControl carrier = new FakeCallControl();
    FakeMessageGateway texts = new FakeMessageGateway();
    WelfareProgram program = new WelfareProgram(settings, seniors, schedule, carrier, texts, citizens,
        new JournalOutboundContacts(jdbc, citizens, journal, new SplittableRandom(7)), cases, clock,
        new SplittableRandom(8));
    assertTrue(program.planWeek(MONDAY).isPresent());
    assertTrue(program.planWeek(MONDAY).isEmpty(), "a week is planned once");
    Instant firstDue = schedule.due(clock.instant().plus(Duration.ofDays(14)), 1).getFirst().dueAt();
    assertEquals(java.util.Optional.of(firstDue), schedule.nextDueAfter(clock.instant()),
        "the dialer's timer wakes then");
    assertTrue(schedule.nextDueAfter(firstDue).isEmpty() || schedule.nextDueAfter(firstDue).get().isAfter(firstDue));

    clock.advance(Duration.ofHours(3));
    assertEquals(4, program.dialDue(100), "all four are due Monday morning");
    Map<String, ContactId> calls = new java.util.HashMap<>();
    for (OutboundCall call : carrier.originated()) {
      calls.put(schedule.byContact(call.contact()).orElseThrow().senior().value(), call.contact());
    }
    assertEquals(3, calls.size(), "three automated calls went to the carrier");
    assertTrue(program.record(calls.get("W-1"), CallOutcome.WELL));
    assertTrue(program.record(calls.get("W-2"), CallOutcome.WANTS_TO_TALK));
    assertFalse(program.record(calls.get("W-2"), CallOutcome.WELL), "an outcome is recorded once");
    assertEquals(1, caseRegistry.byContact(calls.get("W-2")).size());

    ContactId unreached = calls.get("W-3");
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertTrue(program.record(unreached, CallOutcome.NO_ANSWER));
      if (attempt == 3) {
        break;
      }
      int next = attempt + 1;
      Attempt retry = schedule.between(MONDAY, MONDAY).stream()
          .filter(a -> a.senior().value().equals("W-3") && a.number() == next).findFirst().orElseThrow();
      clock.advance(Duration.between(clock.instant(), retry.dueAt()));
      program.dialDue(100);
      unreached = schedule.find(retry.id()).orElseThrow().contact();
    }
    List<Case> urgent = caseRegistry.byContact(unreached);
    assertEquals(1, urgent.size(), "the third unreached attempt opened a case");
    assertEquals("URGENT", urgent.get(0).priority().name());
    assertEquals("welfare", urgent.get(0).department().value());
    assertEquals(2, texts.sent().stream().filter(m -> m.to().equals("+821088887777")).count(),
        "the volunteer was texted for W-2 and W-3");

    HttpResponse<String> previews = send("GET", "/api/v1/welfare/previews", null, null, operator);
    assertTrue(previews.body().contains("W-4"), previews.body());
    assertEquals(200, send("GET", "/api/v1/welfare/seniors/W-4", null, null, operator).statusCode());
    String contact = schedule.dialing().stream().filter(a -> a.senior().value().equals("W-4")).findFirst()
        .orElseThrow().contact().value();
    HttpResponse<String> concern = send("POST", "/api/v1/welfare/check-ins/" + contact + "/outcome",
        "application/json", "{\"outcome\":\"concern\"}", operator);
    assertEquals(200, concern.statusCode(), concern.body());
    assertEquals(1, caseRegistry.byContact(new ContactId(contact)).size());
    assertEquals(409, send("POST", "/api/v1/welfare/check-ins/" + contact + "/outcome", "application/json",
        "{\"outcome\":\"WELL\"}", operator).statusCode());
    assertEquals(400, send("POST", "/api/v1/welfare/check-ins/" + contact + "/outcome", "application/json",
        "{\"outcome\":\"fine\"}", operator).statusCode());

    HttpResponse<String> today = send("GET", "/api/v1/welfare/today", null, null, supervisor);
    assertEquals(200, today.statusCode(), today.body());
    assertTrue(((Number) http.map(server, today).get("enrolled")).intValue() >= 4, today.body());
    assertEquals(403, send("GET", "/api/v1/welfare/today", null, null, operator).statusCode());
    districtGauges.refresh();
    String metrics = send("GET", "/prometheus", null, null, http.login(server, "admin")).body();
    assertTrue(metrics.contains("onenumber_welfare_enrolled"));
    assertTrue(metrics.contains("onenumber_welfare_district_enrolled{district=\"Jongno-gu\"}"), "per district");

    welfareCaseEndsOnlyWithItsOutcomeAndTheEscalationsListShowsIt(urgent.get(0), supervisor);
  }

  /** #16: the welfare team resolves the case with a structured outcome; the program's page lists it. */
  private void welfareCaseEndsOnlyWithItsOutcomeAndTheEscalationsListShowsIt(Case welfareCase, String supervisor)
      throws Exception {
    String resolve = "/api/v1/cases/" + welfareCase.id().value() + "/resolve";
    String answer = "{\"version\":" + welfareCase.version() + ",\"publicAnswer\":\"A volunteer visited today.\"";
    HttpResponse<String> none = send("POST", resolve, "application/json", answer + "}", supervisor);
    assertEquals(400, none.statusCode(), none.body());
    assertTrue(none.body().contains("welfareOutcome"), none.body());
    HttpResponse<String> unknown = send("POST", resolve, "application/json",
        answer + ",\"welfareOutcome\":\"sang-a-song\"}", supervisor);
    assertEquals(400, unknown.statusCode(), unknown.body());
    assertFalse(unknown.body().contains("sang-a-song"), "the input is not echoed: " + unknown.body());
    assertEquals("OPEN", caseRegistry.find(welfareCase.id()).orElseThrow().status().name(), "nothing changed");
    HttpResponse<String> rejected = send("POST", "/api/v1/cases/" + welfareCase.id().value() + "/status",
        "application/json", "{\"version\":" + welfareCase.version() + ",\"status\":\"REJECTED\"}", supervisor);
    assertEquals(400, rejected.statusCode(), "a rejected welfare case is asked for its outcome too: " + rejected.body());
    assertTrue(rejected.body().contains("welfareOutcome"), rejected.body());
    assertEquals("OPEN", caseRegistry.find(welfareCase.id()).orElseThrow().status().name(), "nothing changed");

    HttpResponse<String> resolved = send("POST", resolve, "application/json",
        answer + ",\"welfareOutcome\":\"visit-made\"}", supervisor);
    assertEquals(200, resolved.statusCode(), resolved.body());
    HttpResponse<String> escalations = send("GET", "/api/v1/welfare/escalations?days=31", null, null, supervisor);
    assertEquals(200, escalations.statusCode(), escalations.body());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) http.map(server, escalations).get("items");
    Map<String, Object> row = items.stream().filter(e -> welfareCase.id().value().equals(e.get("caseId")))
        .findFirst().orElseThrow(() -> new AssertionError(escalations.body()));
    assertEquals("VISIT_MADE", row.get("outcome"));
    assertEquals("RESOLVED", row.get("caseStatus"));
    assertTrue(items.stream().filter(e -> !welfareCase.id().value().equals(e.get("caseId")))
        .allMatch(e -> e.get("outcome") == null), "other cases have no outcome yet: " + escalations.body());
  }
}
