package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Citizen monitoring members over HTTP on H2: a supervisor adds a volunteer, files two of their
 * observations, accepts one (10 mileage points in the ledger) and rejects the other; a decision is
 * taken once; analysts and operators are refused the roster (members are people).
 */
class MonitoringMembersIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  @Test
  @SuppressWarnings("unchecked")
  void anAcceptedObservationEarnsTheMemberMileageOnce() {
    ConsoleApi api = new ConsoleApi(server);
    String member = (String) api.post("/api/v1/reform/members", Map.of("name", "Lee Sujin"), "sv-01").get("id");
    String seen = (String) api.post("/api/v1/reform/members/" + member + "/observations",
        Map.of("text", "The crossing light now gives pedestrians 30 seconds"), "sv-01").get("id");
    String other = (String) api.post("/api/v1/reform/members/" + member + "/observations",
        Map.of("text", "Nothing changed at the bus stop"), "sv-01").get("id");

    assertEquals(10, api.post("/api/v1/reform/observations/" + seen + "/accept", Map.of(), "sv-01").get("points"));
    assertEquals(409, api.status("/api/v1/reform/observations/" + seen + "/accept", Map.of(), "sv-02"));
    assertEquals("REJECTED", api.post("/api/v1/reform/observations/" + other + "/reject", Map.of(), "sv-02")
        .get("status"));
    List<Map<String, Object>> roster = (List<Map<String, Object>>) api.get("/api/v1/reform/members", "sv-01")
        .get("items");
    assertEquals(1, roster.size());
    assertEquals(10, roster.get(0).get("balance"));
    assertEquals(1, roster.get(0).get("accepted"));
    assertEquals(2, ((List<?>) api.get("/api/v1/reform/members/" + member + "/observations", "admin").get("items"))
        .size());
    assertEquals(404, api.status("/api/v1/reform/members/nobody/observations", Map.of("text", "x"), "sv-01"));
    assertEquals(400, api.status("/api/v1/reform/members", Map.of("name", " "), "sv-01"));
    assertEquals(403, api.getStatus("/api/v1/reform/members", "analyst-01"));
    assertEquals(403, api.getStatus("/api/v1/reform/members", "op-001"));
  }
}
