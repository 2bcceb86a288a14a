package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Issue 18 for the analyst, over HTTP on H2: the analyst opens a reform task on a burst with its
 * cause, climbs the ladder, closes it with before/after figures counted from the classified
 * contacts; the anonymised export has the contacts' categories and none of the citizen's data, and
 * no cell of fewer than k contacts; the analyst is refused a citizen's contact but may use the
 * intake like anyone.
 */
class ReformAndExportIT {

  private static final String LEAK = "길에서 수도관이 터져서 물이 콸콸 새요";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  @Test
  @SuppressWarnings("unchecked")
  void aReformTaskClimbsTheLadderAndClosesWithItsBeforeAndAfterFigures() {
    ConsoleApi api = new ConsoleApi(server);
    api.open(Map.of("channel", "SMS", "phone", "010-5555-0811", "language", "ko", "topic", LEAK));
    Map<String, Object> task = api.post("/api/v1/reform/tasks", Map.of("issue", "water.supply.leak@city", "type",
        "water.supply.leak", "cause", "system", "title", "Old mains burst every winter", "owner", "sv-01", "due",
        "2027-03-31"), "analyst-01");
    assertEquals("SYSTEM", task.get("cause"));
    assertEquals(1, task.get("step"));
    assertEquals("answer on the spot", task.get("stepName"));
    assertEquals(1, ((Map<String, Object>) task.get("beforeAfter")).get("before"), "the leak before the fix");
    String id = (String) task.get("id");
    assertEquals(409, api.status("/api/v1/reform/tasks/" + id + "/climb", Map.of("step", 1), "sv-01"));
    assertEquals(400, api.status("/api/v1/reform/tasks/" + id + "/climb", Map.of("step", 9), "sv-01"));
    Map<String, Object> climbed = api.post("/api/v1/reform/tasks/" + id + "/climb", Map.of("step", 4, "note",
        "mains replacement budgeted"), "sv-01");
    assertEquals("law or system change", climbed.get("stepName"));
    api.open(Map.of("channel", "SMS", "phone", "010-5555-0812", "language", "ko", "topic", LEAK));
    Map<String, Object> closed = api.post("/api/v1/reform/tasks/" + id + "/close", Map.of(), "analyst-01");
    assertEquals("CLOSED", closed.get("status"));
    Map<String, Object> figures = (Map<String, Object>) closed.get("beforeAfter");
    assertEquals(1, figures.get("before"));
    assertEquals(1, figures.get("after"), "the leak reported after the fix took effect");
    assertEquals(List.of("opened", "climbed", "closed"), ((List<Map<String, Object>>) closed.get("history")).stream()
        .map(h -> h.get("what")).toList());
    assertEquals(1, ((List<?>) api.get("/api/v1/reform/tasks", "sv-01").get("items")).size());
    assertEquals(400, api.status("/api/v1/reform/tasks", Map.of("issue", "x", "type", "no.such", "cause", "LAW",
        "title", "t", "owner", "sv-01", "due", "2027-01-01"), "sv-01"));
    assertEquals(403, api.status("/api/v1/reform/tasks", Map.of(), "op-001"));
  }

  @Test
  void theExportIsAnonymisedAndTheAnalystSeesNoCitizen() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0813", "language", "ko", "name", "홍길동",
        "topic", LEAK));
    String csv = server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/analytics/export")
        .bearerAuth(server.login("analyst-01")), String.class);
    List<String> lines = csv.lines().toList();
    assertTrue(lines.get(0).startsWith("created_hour,channel,language,queue,state,category,source"), lines.get(0));
    assertTrue(lines.get(0).endsWith(",escalated,suppressed"), lines.get(0));
    assertTrue(lines.size() >= 2, csv);
    assertTrue(lines.get(1).endsWith(",true") && !lines.get(1).contains("water.supply.leak")
        && !lines.get(1).contains(",ko,"), "a lone contact's cell (k = 5) is blanked: " + csv);
    for (String secret : List.of("5555", "0813", "홍길동", "수도관", contact)) {
      assertFalse(csv.contains(secret), "the export holds " + secret);
    }
    assertEquals(201, api.status("/api/v1/contacts", Map.of("channel", "SMS", "phone", "010-5555-0814", "language",
        "ko"), "analyst-01"), "the intake is open to anyone, analysts too");
    assertEquals(200, api.getStatus("/api/v1/analytics/issues", "analyst-01"));
    assertEquals(403, api.getStatus("/api/v1/contacts/" + contact, "analyst-01"));
  }
}
