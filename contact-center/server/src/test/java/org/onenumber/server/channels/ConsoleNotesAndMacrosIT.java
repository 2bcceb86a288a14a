package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The console's own APIs over HTTP: internal notes (the contact's operator writes, others are
 * refused, the wrap-up note is kept beside them, supervisors whisper), macros (everyone reads by
 * language and department, only supervisors write, unknown variables refused), the settings.
 */
class ConsoleNotesAndMacrosIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> items(Map<String, Object> body) {
    return (List<Map<String, Object>>) body.get("items");
  }

  @Test
  void notesStayWithTheContactBesideTheWrapUpNoteAndOnlyItsPeopleSeeThem() {
    ConsoleApi api = new ConsoleApi(server);
    String contact = api.open(Map.of("channel", "SMS", "phone", "010-5555-0701", "language", "en", "queue", "english",
        "topic", "water bill"));
    api.post("/api/v1/agents/op-022/login", Map.of(), "op-022");
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-022");
    api.post("/api/v1/contacts/" + contact + "/notes", Map.of("body", "asked for a paper bill"), "op-022");
    assertEquals(403, api.status("/api/v1/contacts/" + contact + "/notes", Map.of("body", "x"), "op-001"),
        "another operator may not write on it");
    assertEquals(400, api.status("/api/v1/contacts/" + contact + "/notes", Map.of("body", " "), "op-022"));
    api.post("/api/v1/contacts/" + contact + "/notes", Map.of("body", "offer the e-bill"), "sv-01");
    api.post("/api/v1/contacts/" + contact + "/wrap-up", Map.of("outcome", "RESOLVED", "note", "explained billing"), "op-022");

    List<Map<String, Object>> notes = items(api.get("/api/v1/contacts/" + contact + "/notes", "op-022"));
    assertEquals(List.of("NOTE", "WHISPER", "WRAP_UP"), notes.stream().map(n -> n.get("kind")).toList());
    assertEquals(List.of("op-022", "sv-01", "op-022"), notes.stream().map(n -> n.get("author")).toList());
    assertEquals("explained billing", notes.get(2).get("body"));
  }

  @Test
  void supervisorsManageMacrosPerLanguageAndDepartment() {
    ConsoleApi api = new ConsoleApi(server);
    Map<String, Object> macro = Map.of("title", "Paper bill", "body", "Dear {citizenName}, a paper bill is on its way.",
        "language", "en", "department", "water");
    assertEquals(403, api.statusOfPut("/api/v1/macros/paper-bill", macro, "op-022"), "operators read macros only");
    server.client().toBlocking().exchange(io.micronaut.http.HttpRequest.PUT("/api/v1/macros/paper-bill", macro)
        .bearerAuth(server.login("sv-01")));
    var bad = io.micronaut.http.HttpRequest.PUT("/api/v1/macros/typo", Map.of("title", "t", "body", "Hi {citizen}",
        "language", "en")).bearerAuth(server.login("sv-01"));
    int status;
    try {
      status = server.client().toBlocking().exchange(bad).getStatus().getCode();
    } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
      status = e.getStatus().getCode();
      assertTrue(e.getResponse().getBody(String.class).orElse("").contains("unknown variable"));
    }
    assertEquals(400, status);

    List<Object> general = items(api.get("/api/v1/macros?language=en", "op-022")).stream().map(m -> m.get("id")).toList();
    assertTrue(general.contains("greeting-en") && !general.contains("paper-bill"), general.toString());
    List<Object> water = items(api.get("/api/v1/macros?language=en&department=water", "op-022")).stream()
        .map(m -> m.get("id")).toList();
    assertTrue(water.contains("paper-bill") && water.contains("greeting-en"), water.toString());
    assertTrue(items(api.get("/api/v1/macros?language=ko", "op-022")).stream().allMatch(m -> "ko".equals(m.get("language"))));

    Map<String, Object> settings = api.get("/api/v1/console/settings", "op-022");
    assertEquals("Emily Carter", settings.get("name"));
    assertEquals(List.of("en", "ko"), settings.get("languages"));
    assertEquals(List.of("lunch", "training", "personal", "meeting"), settings.get("breakReasons"));
  }
}
