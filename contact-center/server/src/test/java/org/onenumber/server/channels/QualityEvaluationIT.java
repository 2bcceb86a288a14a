package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Quality evaluation over HTTP on H2: a closed SMS conversation is drawn in a targeted sample of
 * its operator's contacts, two supervisors score it against the standard form (a calibration with
 * its spread), the operator reads their own evaluations and another operator is refused; a score
 * outside the form is 400.
 */
class QualityEvaluationIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  @Test
  @SuppressWarnings("unchecked")
  void aSampledContactIsScoredByTwoEvaluatorsAndTheOperatorSeesTheirOwnScores() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0831", "language", "en", "queue", "english",
        "topic", "water bill"));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-022");
    api.post("/api/v1/contacts/" + contact + "/close", Map.of("outcome", "RESOLVED"), "op-022");

    List<String> sample = (List<String>) api.post("/api/v1/quality/samples", Map.of("size", 5, "operator", "op-022"),
        "sv-01").get("contacts");
    assertEquals(List.of(contact), sample);
    Map<String, Integer> full = Map.of("greeting", 5, "accuracy", 5, "empathy", 5, "resolution", 5, "compliance", 5);
    Map<String, Object> first = api.post("/api/v1/quality/evaluations", Map.of("form", "standard", "contact", contact,
        "points", full), "sv-01");
    assertEquals(100.0, first.get("percent"));
    assertEquals("op-022", first.get("operator"));
    Map<String, Integer> weaker = new java.util.HashMap<>(full);
    weaker.put("accuracy", 0);
    api.post("/api/v1/quality/evaluations", Map.of("form", "standard", "contact", contact, "points", weaker), "sv-02");

    Map<String, Object> calibration = api.get("/api/v1/quality/contacts/" + contact + "/calibration", "sv-01");
    Map<String, Object> spread = (Map<String, Object>) calibration.get("spread");
    assertEquals(2, spread.get("evaluators"));
    assertEquals(71.4, spread.get("min"));
    assertEquals(100.0, spread.get("max"));

    Map<String, Object> own = api.get("/api/v1/quality/operators/op-022", "op-022");
    assertEquals(2, ((List<?>) own.get("evaluations")).size());
    assertEquals(1, ((List<?>) own.get("perDay")).size());
    assertEquals(403, api.getStatus("/api/v1/quality/operators/op-022", "op-001"));
    weaker.put("accuracy", 9);
    assertEquals(400, api.status("/api/v1/quality/evaluations", Map.of("form", "standard", "contact", contact,
        "points", weaker), "sv-01"));
    assertTrue(((List<?>) api.get("/api/v1/quality/forms", "sv-01").get("items")).size() >= 1);
  }
}
