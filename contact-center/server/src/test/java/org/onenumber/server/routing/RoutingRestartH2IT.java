package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;

/**
 * Restart: a server stops with contacts waiting; the next server on the same database rebuilds the
 * line from the journal in the original order, and an operator who logs in is offered the oldest.
 */
class RoutingRestartH2IT {

  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> send(EmbeddedServer server, String method, String path, String body, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> map(EmbeddedServer server, HttpResponse<String> response) throws Exception {
    return server.getApplicationContext().getBean(JsonMapper.class).readValue(response.body(), Map.class);
  }

  private String token(EmbeddedServer server) throws Exception {
    return (String) map(server, send(server, "POST", "/login", "{\"username\":\"op-001\",\"password\":\"demo1234\"}",
        null)).get("access_token");
  }

  private String open(EmbeddedServer server, String phone) throws Exception {
    HttpResponse<String> created = send(server, "POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"" + phone + "\",\"language\":\"ko\",\"queue\":\"general-ko\"}", null);
    assertEquals(201, created.statusCode(), created.body());
    return (String) map(server, created).get("id");
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
          send(first, "GET", "/api/v1/contacts/" + newer + "/position", null, token).statusCode() == 200);
    }
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String token = token(second);
      Map<String, Object> position = map(second, send(second, "GET", "/api/v1/contacts/" + older + "/position", null, token));
      assertEquals(1, ((Number) position.get("position")).intValue(), position.toString());
      assertEquals(2, ((Number) map(second, send(second, "GET", "/api/v1/contacts/" + newer + "/position", null, token))
          .get("position")).intValue());
      assertEquals(200, send(second, "POST", "/api/v1/agents/op-001/login", "{\"queues\":[\"general-ko\"]}", token)
          .statusCode());
      Map<String, Object> work = map(second, send(second, "GET", "/api/v1/agents/op-001/work", null, token));
      List<Map<String, Object>> offers = (List<Map<String, Object>>) work.get("offers");
      assertEquals(older, offers.get(0).get("contactId"));
    }
  }
}
