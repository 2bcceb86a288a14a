package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Citizen monitoring members over HTTP on H2: a supervisor adds a volunteer, files two of their
 * observations, accepts one (10 mileage points in the ledger) and rejects the other; a decision is
 * taken once; analysts and operators are refused the roster (members are people). A member with
 * a login of their own files observations and sees their own mileage, and nothing of other
 * members or any staff operation.
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

  @Test
  @SuppressWarnings("unchecked")
  void aMemberWithALoginOfTheirOwnFilesAndSeesOnlyTheirOwn() {
    ConsoleApi api = new ConsoleApi(server);
    Map<String, Object> added = api.post("/api/v1/reform/members", Map.of("name", "Park Minho", "login", "minho.park",
        "password", "lantern-1234"), "sv-01");
    assertEquals("minho.park", added.get("login"));
    assertEquals(400, api.status("/api/v1/reform/members", Map.of("name", "Twin", "login", "minho.park",
        "password", "lantern-1234"), "sv-01"), "a login is taken once");
    assertEquals(400, api.status("/api/v1/reform/members", Map.of("name", "Short", "login", "short.pw",
        "password", "short"), "sv-01"));
    String other = (String) api.post("/api/v1/reform/members", Map.of("name", "Lee Sujin"), "sv-01").get("id");
    api.post("/api/v1/reform/members/" + other + "/observations", Map.of("text", "secret-of-another-member"), "sv-01");

    String token = (String) server.client().toBlocking().retrieve(io.micronaut.http.HttpRequest.POST("/login",
        Map.of("username", "minho.park", "password", "lantern-1234")), Map.class).get("access_token");
    Map<String, Object> filed = send("POST", "/api/v1/monitoring/me/observations",
        Map.of("text", "The new crossing light works"), token);
    assertEquals("FILED", filed.get("status"));
    assertEquals(added.get("id"), filed.get("member"));
    api.post("/api/v1/reform/observations/" + filed.get("id") + "/accept", Map.of(), "sv-01");
    Map<String, Object> me = send("GET", "/api/v1/monitoring/me", null, token);
    assertEquals("Park Minho", me.get("name"));
    assertEquals(10, me.get("balance"));
    assertEquals(1, ((List<?>) me.get("observations")).size());
    org.junit.jupiter.api.Assertions.assertFalse(me.toString().contains("secret-of-another-member"));
    for (String path : List.of("/api/v1/reform/members", "/api/v1/reform/members/" + other + "/observations",
        "/api/v1/reform/tasks", "/api/v1/agents", "/api/v1/analytics/issues")) {
      assertEquals(403, status("GET", path, token), path);
    }
    assertEquals(403, api.getStatus("/api/v1/monitoring/me", "sv-01"), "the page is the member's own");
  }

  @Test
  @SuppressWarnings("unchecked")
  void aMemberFilesAnObservationAboutAnOpenReformTask() {
    ConsoleApi api = new ConsoleApi(server);
    api.post("/api/v1/reform/members", Map.of("name", "Choi Yuna", "login", "yuna.choi", "password", "lantern-1234"),
        "sv-01");
    String task = (String) api.post("/api/v1/reform/tasks", Map.of("issue", "water.supply.leak@city", "type",
        "water.supply.leak", "cause", "system", "title", "Old mains burst every winter", "owner", "sv-01", "due",
        "2027-03-31"), "sv-01").get("id");
    String token = (String) server.client().toBlocking().retrieve(io.micronaut.http.HttpRequest.POST("/login",
        Map.of("username", "yuna.choi", "password", "lantern-1234")), Map.class).get("access_token");

    List<Map<String, Object>> open = (List<Map<String, Object>>) send("GET", "/api/v1/monitoring/me/tasks", null, token)
        .get("items");
    assertEquals(List.of(Map.of("id", task, "title", "Old mains burst every winter", "type", "water.supply.leak")), open);
    Map<String, Object> filed = send("POST", "/api/v1/monitoring/me/observations",
        Map.of("text", "The main on my street was replaced", "task", task), token);
    assertEquals(task, filed.get("task"));
    List<Map<String, Object>> mine = (List<Map<String, Object>>) send("GET", "/api/v1/monitoring/me", null, token)
        .get("observations");
    assertEquals(task, mine.get(0).get("task"));
    assertEquals(400, status("POST", "/api/v1/monitoring/me/observations",
        Map.of("text", "About nothing", "task", "no-such-task"), token), "only an open reform task");
    assertEquals(403, api.getStatus("/api/v1/monitoring/me/tasks", "sv-01"));
  }

  private Map<String, Object> send(String method, String path, Object body, String token) {
    return server.client().toBlocking().retrieve(io.micronaut.http.HttpRequest.create(io.micronaut.http.HttpMethod
        .valueOf(method), path).body(body == null ? Map.of() : body).bearerAuth(token), Map.class);
  }

  private int status(String method, String path, String token) {
    return status(method, path, null, token);
  }

  private int status(String method, String path, Object body, String token) {
    try {
      io.micronaut.http.MutableHttpRequest<Object> request = io.micronaut.http.HttpRequest.create(
          io.micronaut.http.HttpMethod.valueOf(method), path).bearerAuth(token);
      return server.client().toBlocking().exchange(body == null ? request : request.body(body)).getStatus().getCode();
    } catch (io.micronaut.http.client.exceptions.HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }
}
