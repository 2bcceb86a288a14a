package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * Sticky preferences across a restart (issue 11): a citizen served by op-001 on a STICKY queue
 * (opened by a trusted caller, so the same number is the same citizen)
 * calls again after the server restarted on the same database; the new contact waits for op-001
 * (on break) instead of going to op-002, who is free, and is offered to op-001 once back; another
 * citizen's contact then goes to op-002 (who could have taken the first).
 */
class StickyRestartH2IT {

  private static final String PHONE = "010-5555-0311";
  private final TestHttp http = new TestHttp();

  private String open(EmbeddedServer server) throws Exception {
    return open(server, PHONE);
  }

  private String open(EmbeddedServer server, String phone) throws Exception {
    HttpResponse<String> created = http.send(server, "POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"" + phone + "\",\"language\":\"ko\",\"queue\":\"general-ko\"}",
        http.login(server, "sv-01"));
    assertEquals(201, created.statusCode(), created.body());
    return (String) http.map(server, created).get("id");
  }

  @SuppressWarnings("unchecked")
  private List<String> offers(EmbeddedServer server, String agent, String token) throws Exception {
    Map<String, Object> work = http.map(server, http.send(server, "GET", "/api/v1/agents/" + agent + "/work", null, token));
    return ((List<Map<String, Object>>) work.get("offers")).stream().map(o -> (String) o.get("contactId")).toList();
  }

  private void ok(HttpResponse<String> response) {
    assertTrue(response.statusCode() / 100 == 2, response.statusCode() + " " + response.body());
  }

  @Test
  void theCitizensLastAgentIsStillPreferredAfterARestart() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(), "micronaut.server.port", -1);
    try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String op1 = http.login(first, "op-001");
      ok(http.send(first, "POST", "/api/v1/agents/op-001/login", "{\"queues\":[\"general-ko\"]}", op1));
      String admin = http.login(first, "admin");
      String config = http.send(first, "GET", "/api/v1/admin/queues/general-ko", null, admin).body()
          .replaceAll("\"strategy\"\\s*:\\s*\"[A-Z_]+\"", "\"strategy\":\"STICKY\"")
          .replaceAll("\"stickyTimeoutSeconds\"\\s*:\\s*\\d+", "\"stickyTimeoutSeconds\":600");
      assertTrue(config.contains("\"STICKY\"") && config.contains("600"), config);
      ok(http.send(first, "PUT", "/api/v1/admin/queues/general-ko", config, admin));
      String served = open(first);
      await().atMost(Duration.ofSeconds(10)).until(() -> offers(first, "op-001", op1).contains(served));
      ok(http.send(first, "POST", "/api/v1/offers/" + served + "/accept", null, op1));
      ok(http.send(first, "POST", "/api/v1/contacts/" + served + "/close", "{\"outcome\":\"RESOLVED\"}", op1));
      ok(http.send(first, "POST", "/api/v1/agents/op-001/state", "{\"state\":\"BREAK\",\"reason\":\"lunch\"}", op1));
    }
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String op1 = http.login(second, "op-001");
      String op2 = http.login(second, "op-002");
      ok(http.send(second, "POST", "/api/v1/agents/op-002/login", "{\"queues\":[\"general-ko\"]}", op2));
      String again = open(second);
      await().atMost(Duration.ofSeconds(10)).until(() -> !offers(second, "op-002", op2).isEmpty()
          || http.send(second, "GET", "/api/v1/contacts/" + again + "/position", null, op1).statusCode() == 200);
      assertEquals(List.of(), offers(second, "op-002", op2), "not offered to the free agent: it waits for op-001");
      ok(http.send(second, "POST", "/api/v1/agents/op-001/state", "{\"state\":\"AVAILABLE\"}", op1));
      await().atMost(Duration.ofSeconds(10)).until(() -> offers(second, "op-001", op1).contains(again));
      String other = open(second, "010-5555-0312");
      await().atMost(Duration.ofSeconds(10)).until(() -> offers(second, "op-002", op2).contains(other));
    }
  }
}
