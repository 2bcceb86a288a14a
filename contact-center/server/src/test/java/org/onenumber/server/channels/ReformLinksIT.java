package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.port.out.AuditLog;

/**
 * Issue 18's reform task links over HTTP on H2: the issue is a key of the map or the alerts (a
 * typed free text is 400); the task's drill-down lists its category's contacts and cases
 * (anonymised rows), the analyst links one contact and one case, the board lists them, each row
 * shown is audited with the reason "reform task <id>"; unknown ids are 400 without echo, nothing
 * linked; operators are refused.
 */
class ReformLinksIT {

  private static final String LEAK = "길에서 수도관이 터져서 물이 콸콸 새요";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  @Test
  @SuppressWarnings("unchecked")
  void theAnalystLinksContactsAndCasesPickedFromTheDrillDown() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0831", "language", "ko", "topic", LEAK));
    String other = api.open(Map.of("channel", "SMS", "phone", "010-5555-0832", "language", "en", "queue", "english",
        "topic", LEAK));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + other + "/accept", Map.of(), "op-022");
    String caseId = (String) api.post("/api/v1/contacts/" + other + "/escalate", Map.of("department", "water",
        "category", "수도", "summary", "Water running in the street"), "op-022").get("id");
    org.awaitility.Awaitility.await().until(() -> api.get("/api/v1/cases/" + caseId + "/category", "sv-01")
        .containsKey("category"));

    Map<String, Object> open = Map.of("issue", "free words", "type", "water.supply.leak", "cause", "SYSTEM",
        "title", "Old mains", "owner", "sv-01", "due", "2027-03-31");
    assertEquals(400, api.status("/api/v1/reform/tasks", open, "analyst-01"), "an issue is picked, not typed");
    assertEquals(400, api.status("/api/v1/reform/tasks", new java.util.HashMap<>(Map.of("issue", "no.such@city",
        "type", "water.supply.leak", "cause", "SYSTEM", "title", "Old mains", "owner", "sv-01", "due", "2027-03-31")),
        "analyst-01"));
    Map<String, Object> task = api.post("/api/v1/reform/tasks", Map.of("issue", "water.supply.leak@city", "type",
        "water.supply.leak", "cause", "SYSTEM", "title", "Old mains", "owner", "sv-01", "due", "2027-03-31"),
        "analyst-01");
    String base = "/api/v1/reform/tasks/" + task.get("id");

    Map<String, Object> drill = api.get(base + "/drill-down", "analyst-01");
    List<Map<String, Object>> contacts = (List<Map<String, Object>>) drill.get("contacts");
    List<Map<String, Object>> cases = (List<Map<String, Object>>) drill.get("cases");
    assertTrue(contacts.stream().anyMatch(c -> contact.equals(c.get("id"))), drill.toString());
    assertTrue(cases.stream().anyMatch(c -> caseId.equals(c.get("id"))), drill.toString());
    for (String secret : List.of("5555", "0831", "수도관", "citizen")) {
      assertFalse(drill.toString().contains(secret), "the drill-down holds " + secret);
    }

    assertEquals(400, api.status(base + "/links", Map.of("contacts", List.of("secret-id-xyz")), "analyst-01"));
    assertEquals(400, api.status(base + "/links", Map.of(), "analyst-01"));
    assertEquals(403, api.status(base + "/links", Map.of("contacts", List.of(contact)), "op-001"));
    Map<String, Object> linked = api.post(base + "/links", Map.of("contacts", List.of(contact), "cases",
        List.of(caseId)), "analyst-01");
    assertEquals(List.of(contact), ((List<Map<String, Object>>) linked.get("contacts")).stream()
        .map(c -> c.get("id")).toList());
    assertEquals(List.of(caseId), ((List<Map<String, Object>>) linked.get("cases")).stream()
        .map(c -> c.get("id")).toList());
    assertEquals(linked, api.get(base + "/links", "sv-01"));
    Map<String, Object> after = api.get(base + "/drill-down", "sv-01");
    assertFalse(after.toString().contains(contact), "a linked contact leaves the drill-down");

    assertTrue(server.bean(AuditLog.class).find(null, "analyst-01", null, null, 100).stream().anyMatch(e ->
        e.recordId().equals(contact) && e.reason().equals("reform task " + task.get("id"))), "the view is audited");
  }
}
