package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.analytics.EmergingIssues;
import org.onenumber.server.analytics.JdbcComplaintCategories;

/**
 * Issue 18's stored categories over HTTP on H2: the intake's guess, the operator's disposition at
 * wrap-up replacing it (stored, used by the analysis, moving the contact between categories in
 * the live emerging-issue fold, which still equals the batch recomputation), an Open311 request's
 * place counting its contact in its hotspot cell, the case classified from the citizen's words
 * and then following the disposition, department staff correcting it (kept), refusals as JSON
 * without echoing the input.
 */
class ComplaintDispositionIT {

  private static final String LEAK = "길에서 수도관이 터져서 물이 콸콸 새요";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  @Test
  void theOperatorsDispositionReplacesTheGuessAndTheCaseFollowsUntilStaffCorrectIt() {
    ConsoleApi api = new ConsoleApi(server);
    Instant start = Instant.now().minusSeconds(1);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0801", "language", "en", "queue", "english",
        "topic", LEAK));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-022");
    String caseId = (String) api.post("/api/v1/contacts/" + contact + "/escalate", Map.of("department", "water",
        "category", "수도", "summary", "Water running in the street"), "op-022").get("id");
    await().atMost(Duration.ofSeconds(10)).until(() -> category(api, caseId, "staff-water").containsKey("category"));
    Map<String, Object> guessed = category(api, caseId, "staff-water");
    assertEquals("water.supply.leak", guessed.get("category"));
    assertEquals("AUTOMATIC", guessed.get("source"));

    assertEquals(400, api.status("/api/v1/contacts/" + contact + "/wrap-up",
        Map.of("outcome", "RESOLVED", "category", "no.such.type"), "op-022"), "a code outside the tree is refused");
    assertEquals("CONNECTED", api.contactState(contact), "nothing was done on a refused wrap-up");
    api.post("/api/v1/contacts/" + contact + "/wrap-up", Map.of("outcome", "ESCALATED", "category",
        "water.supply.outage"), "op-022");

    EmergingIssues issues = server.bean(EmergingIssues.class);
    await().atMost(Duration.ofSeconds(10)).until(() -> issues.warm()
        && issues.openCount("water.supply.outage@city") == 1);
    assertEquals(0, issues.openCount("water.supply.leak@city"), "the guess no longer counts");
    assertEquals(issues.batch(Instant.now()), issues.live());

    JdbcComplaintCategories stored = server.bean(JdbcComplaintCategories.class);
    assertEquals("water.supply.outage", stored.disposition(contact).orElseThrow());
    Map<String, Object> followed = category(api, caseId, "sv-01");
    assertEquals("water.supply.outage", followed.get("category"));
    assertEquals("CONTACT", followed.get("source"));
    assertEquals("water", followed.get("department"));
    var analysed = server.bean(ContactCategories.class).contactsCreated(start, Instant.now().plusSeconds(1));
    assertEquals("water.supply.outage", analysed.stream().filter(c -> c.id().value().equals(contact)).findFirst()
        .orElseThrow().topic(), "the analysis uses the operator's disposition, not the guess");

    assertEquals(403, put(api, caseId, "roads.surface.pothole", "staff-roads"), "another department's staff");
    assertEquals(200, put(api, caseId, "water.billing.bill", "staff-water"));
    Map<String, Object> corrected = category(api, caseId, "staff-water");
    assertEquals("STAFF", corrected.get("source"));
    assertEquals("staff-water", corrected.get("chosenBy"));
    api.post("/api/v1/contacts/" + contact + "/close", Map.of("outcome", "ESCALATED", "category",
        "water.supply.leak"), "op-022");
    assertEquals("water.billing.bill", category(api, caseId, "sv-01").get("category"), "a correction is kept");
    await().atMost(Duration.ofSeconds(10)).until(() -> issues.openCount("water.supply.leak@city") == 1);
    assertEquals(0, issues.openCount("water.supply.outage@city"), "disposed back to the guess");
    assertEquals("water.supply.leak", stored.disposition(contact).orElseThrow(), "the latest drives the category");
  }

  @Test
  void everyDispositionIsKeptWithItsAuthorAndTheLatestIsTheCategory() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0803", "language", "en", "queue", "english",
        "topic", LEAK));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-022");
    String path = "/api/v1/contacts/" + contact + "/dispositions";
    assertEquals(null, api.get(path, "op-022").get("current"), "no disposition yet");
    api.post("/api/v1/contacts/" + contact + "/wrap-up", Map.of("outcome", "RESOLVED", "category",
        "water.supply.outage"), "op-022");
    api.post("/api/v1/contacts/" + contact + "/close", Map.of("outcome", "RESOLVED", "category",
        "water.supply.leak"), "op-022");
    assertEquals(403, api.getStatus(path, "op-001"), "another operator's contact");
    assertEquals(403, api.status(path, Map.of("category", "water.billing.bill"), "op-022"), "operators do not correct");
    assertEquals(400, api.status(path, Map.of("category", "secret-words-xyz"), "sv-01"));
    assertEquals(404, api.status("/api/v1/contacts/no-such-contact/dispositions",
        Map.of("category", "water.billing.bill"), "sv-01"));
    Map<String, Object> corrected = api.post(path, Map.of("category", "water.billing.bill"), "sv-01");
    assertEquals("water.billing.bill", corrected.get("current"));

    @SuppressWarnings("unchecked")
    var items = (java.util.List<Map<String, Object>>) api.get(path, "sv-01").get("items");
    assertEquals(java.util.List.of("water.supply.outage", "water.supply.leak", "water.billing.bill"),
        items.stream().map(i -> i.get("category")).toList(), "every disposition, oldest first");
    assertEquals(java.util.List.of("op-022", "op-022", "sv-01"), items.stream().map(i -> i.get("chosenBy")).toList());
    assertTrue(items.stream().allMatch(i -> i.get("chosenAt") != null));
    assertEquals("water.billing.bill", server.bean(JdbcComplaintCategories.class).disposition(contact).orElseThrow(),
        "the latest is the category FCR and the reports use");
    var analysed = server.bean(ContactCategories.class).contactsCreated(Instant.now().minusSeconds(60),
        Instant.now().plusSeconds(1));
    assertEquals("water.billing.bill", analysed.stream().filter(c -> c.id().value().equals(contact)).findFirst()
        .orElseThrow().topic());
  }

  @Test
  void anOpen311RequestsPlaceCountsItsContactInItsCell() throws Exception {
    EmergingIssues issues = server.bean(EmergingIssues.class);
    org.onenumber.core.analytics.Observation place = new org.onenumber.core.analytics.Observation(Instant.now(), null,
        37.5665, 126.978);
    String cell = org.onenumber.core.analytics.IssueKeys.hotspots(place,
        server.bean(org.onenumber.core.analytics.SurveillanceSettings.class)).getFirst();
    await().atMost(Duration.ofSeconds(10)).until(issues::warm);
    java.net.http.HttpResponse<String> filed = java.net.http.HttpClient.newHttpClient().send(
        java.net.http.HttpRequest.newBuilder(server.uri().resolve("/open311/v2/requests.json"))
            .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
            .POST(java.net.http.HttpRequest.BodyPublishers.ofString("api_key=demo-open311-key&service_code=roads-01"
                + "&lat=37.5665&long=126.978&description=" + java.net.URLEncoder.encode("도로에 큰 포트홀이 생겼어요",
                java.nio.charset.StandardCharsets.UTF_8))).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertTrue(filed.statusCode() / 100 == 2, filed.body());
    await().atMost(Duration.ofSeconds(10)).until(() -> issues.openCount(cell) == 1);
    assertEquals(issues.batch(Instant.now()), issues.live(), "the place is in the batch recomputation too");
  }

  @Test
  void aWrongCategoryIsAJsonErrorThatDoesNotEchoIt() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0802", "language", "en", "queue", "english",
        "topic", "water bill"));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-022");
    try {
      server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/contacts/" + contact + "/wrap-up",
          Map.of("outcome", "RESOLVED", "category", "secret-words-xyz")).bearerAuth(server.login("op-022")), String.class);
    } catch (HttpClientResponseException e) {
      String body = e.getResponse().getBody(String.class).orElse("");
      assertEquals(400, e.getStatus().getCode());
      assertTrue(body.contains("\"invalid_input\""), body);
      assertFalse(body.contains("secret-words-xyz"), body);
      return;
    }
    throw new AssertionError("a wrong category was accepted");
  }

  private Map<String, Object> category(ConsoleApi api, String caseId, String user) {
    return api.get("/api/v1/cases/" + caseId + "/category", user);
  }

  private int put(ConsoleApi api, String caseId, String category, String user) {
    return api.statusOfPut("/api/v1/cases/" + caseId + "/category", Map.of("category", category), user);
  }
}
