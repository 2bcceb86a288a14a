package org.onenumber.server.knowledge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.server.TestDatabases;

/**
 * The index on disk loses a change (as after a crash between two index commits); the next server
 * on the same database and data directory catches up on start, without a rebuild.
 */
class AnswerIndexCatchUpH2IT {

  @TempDir
  Path dataDir;

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

  private String login(EmbeddedServer server, String user) throws Exception {
    return (String) map(server, send(server, "POST", "/login",
        "{\"username\":\"" + user + "\",\"password\":\"demo1234\"}", null)).get("access_token");
  }

  @SuppressWarnings("unchecked")
  private boolean found(EmbeddedServer server, String id, String token) throws Exception {
    Map<String, Object> result = map(server, send(server, "GET", "/api/v1/answers/search?q=snowplough+schedule", null,
        token));
    return ((List<Map<String, Object>>) result.get("hits")).stream().anyMatch(h -> id.equals(h.get("id")));
  }

  @Test
  void aChangeTheIndexLostIsIndexedAgainOnTheNextStart() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "onenumber.data-dir", dataDir.toString(), "onenumber.knowledge.in-memory", false);
    String id;
    try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String staff = login(first, "staff-transport");
      String supervisor = login(first, "sv-01");
      HttpResponse<String> created = send(first, "POST", "/api/v1/answers", "{\"title\":\"Snowplough schedule\","
          + "\"body\":\"Main roads first.\",\"language\":\"en\",\"department\":\"transport\"}", staff);
      assertEquals(201, created.statusCode(), created.body());
      id = (String) map(first, created).get("id");
      send(first, "POST", "/api/v1/answers/" + id + "/submit", null, staff);
      assertEquals(200, send(first, "POST", "/api/v1/answers/" + id + "/publish", null, supervisor).statusCode());
      String operator = login(first, "op-001");
      await().atMost(Duration.ofSeconds(2)).until(() -> found(first, id, operator));
    }
    try (LuceneAnswerIndex index = LuceneAnswerIndex.open(dataDir.resolve("answer-index"))) {
      assertTrue(index.versions().containsKey(new AnswerId(id)), "the index survived the stop");
      index.delete(new AnswerId(id));
      assertTrue(index.size() > 0, "not empty, so the next start catches up instead of rebuilding");
    }
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String operator = login(second, "op-001");
      await().atMost(Duration.ofSeconds(10)).until(() -> found(second, id, operator));
    }
  }
}
