package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.persistence.Jdbc;

/**
 * State that survives a restart (issue 11): operators logged in before the restart are logged in
 * after it without logging in again, in the same state (a break keeps its reason), and an offer
 * that was ringing when the server stopped is offered again. The rebuild does not rewrite a
 * session it restored unchanged (issue 17: every rebuild rewrote every operator's row).
 */
class AgentSessionRestartH2IT {

  private final TestHttp http = new TestHttp();

  @Test
  @SuppressWarnings("unchecked")
  void operatorsStayLoggedInWithTheirStateAndTheRingingOfferIsOfferedAgain() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(), "micronaut.server.port", -1);
    String contact;
    Instant breakStored;
    try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String op1 = http.login(first, "op-001");
      String op2 = http.login(first, "op-002");
      assertEquals(200, http.send(first, "POST", "/api/v1/agents/op-002/login", "{\"startOnBreak\":\"training\"}", op2)
          .statusCode());
      assertEquals(200, http.send(first, "POST", "/api/v1/agents/op-001/login", "{\"queues\":[\"general-ko\"]}", op1)
          .statusCode());
      HttpResponse<String> created = http.send(first, "POST", "/api/v1/contacts",
          "{\"channel\":\"VOICE\",\"phone\":\"010-5555-0301\",\"language\":\"ko\",\"queue\":\"general-ko\"}",
          http.login(first, "sv-01"));
      contact = (String) http.map(first, created).get("id");
      await().atMost(Duration.ofSeconds(10)).until(() -> offers(first, op1).stream()
          .anyMatch(o -> contact.equals(o.get("contactId"))));
      breakStored = sessionWritten(first, "op-002");
    }
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String op1 = http.login(second, "op-001");
      String op2 = http.login(second, "op-002");
      List<Map<String, Object>> offers = offers(second, op1);
      assertEquals(1, offers.size(), offers.toString());
      assertEquals(contact, offers.get(0).get("contactId"), "the ringing offer is offered again");
      Map<String, Object> onBreak = http.map(second, http.send(second, "GET", "/api/v1/agents/op-002/presence", null, op2));
      assertEquals("BREAK", onBreak.get("state"), onBreak.toString());
      assertEquals("training", onBreak.get("breakReason"), onBreak.toString());
      assertEquals(breakStored, sessionWritten(second, "op-002"), "the rebuild does not rewrite an unchanged session");
      assertEquals(200, http.send(second, "POST", "/api/v1/agents/op-001/logout", "{\"transferOpenContacts\":true}", op1)
          .statusCode());
    }
    try (EmbeddedServer third = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String op1 = http.login(third, "op-001");
      Map<String, Object> presence = http.map(third, http.send(third, "GET", "/api/v1/agents/op-001/presence", null, op1));
      assertEquals("OFFLINE", presence.get("state"), "a logout is remembered too: " + presence);
    }
  }

  private static Instant sessionWritten(EmbeddedServer server, String agent) {
    return server.getApplicationContext().getBean(Jdbc.class).queryOne(
        "select updated_at from agent_session where agent_id = ?", row -> Jdbc.instant(row, "updated_at"), agent)
        .orElseThrow();
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> offers(EmbeddedServer server, String token) throws Exception {
    Map<String, Object> work = http.map(server, http.send(server, "GET", "/api/v1/agents/op-001/work", null, token));
    return (List<Map<String, Object>>) work.get("offers");
  }
}
