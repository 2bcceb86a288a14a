package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
 * Restart: a server stops with contacts waiting; the next server on the same database rebuilds the
 * line from the journal in the original order, and an operator who logs in is offered the oldest.
 */
class RoutingRestartH2IT {

  private final TestHttp http = new TestHttp();

  private String token(EmbeddedServer server) throws Exception {
    return http.login(server, "op-001");
  }

  private String open(EmbeddedServer server, String phone) throws Exception {
    HttpResponse<String> created = http.send(server, "POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"" + phone + "\",\"language\":\"ko\",\"queue\":\"general-ko\"}",
        http.login(server, "sv-01"));
    assertEquals(201, created.statusCode(), created.body());
    return (String) http.map(server, created).get("id");
  }

  @Test
  @SuppressWarnings("unchecked")
  void rebuildsTheLineFromTheJournalAndOffersTheOldestFirst() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(), "micronaut.server.port", -1);
    String older;
    String newer;
    try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String token = token(first);
      older = open(first, "010-5555-0201");
      newer = open(first, "010-5555-0202");
      await().atMost(Duration.ofSeconds(10)).until(() ->
          http.send(first, "GET", "/api/v1/contacts/" + newer + "/position", null, token).statusCode() == 200);
    }
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String token = token(second);
      Map<String, Object> position = http.map(second, http.send(second, "GET", "/api/v1/contacts/" + older + "/position", null, token));
      assertEquals(1, ((Number) position.get("position")).intValue(), position.toString());
      assertEquals(2, ((Number) http.map(second, http.send(second, "GET", "/api/v1/contacts/" + newer + "/position", null, token))
          .get("position")).intValue());
      assertEquals(200, http.send(second, "POST", "/api/v1/agents/op-001/login", "{\"queues\":[\"general-ko\"]}", token)
          .statusCode());
      Map<String, Object> work = http.map(second, http.send(second, "GET", "/api/v1/agents/op-001/work", null, token));
      List<Map<String, Object>> offers = (List<Map<String, Object>>) work.get("offers");
      assertEquals(older, offers.get(0).get("contactId"));
    }
  }
}
