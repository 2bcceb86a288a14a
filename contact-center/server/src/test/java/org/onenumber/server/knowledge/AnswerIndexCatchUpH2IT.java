package org.onenumber.server.knowledge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
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
import org.onenumber.server.TestHttp;

/**
 * The index on disk loses a change (as after a crash between two index commits); the next server
 * on the same database and data directory catches up on start, without a rebuild.
 */
class AnswerIndexCatchUpH2IT {

  @TempDir
  Path dataDir;

  private final TestHttp http = new TestHttp();

  @SuppressWarnings("unchecked")
  private boolean found(EmbeddedServer server, String id, String token) throws Exception {
    Map<String, Object> result =
        http.map(server, http.send(server, "GET", "/api/v1/answers/search?q=snowplough+schedule", null, token));
    return ((List<Map<String, Object>>) result.get("hits")).stream().anyMatch(h -> id.equals(h.get("id")));
  }

  @Test
  void aChangeTheIndexLostIsIndexedAgainOnTheNextStart() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "onenumber.data-dir", dataDir.toString(), "onenumber.knowledge.in-memory", false);
    String id;
    try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String staff = http.login(first, "staff-transport");
      String supervisor = http.login(first, "sv-01");
      HttpResponse<String> created = http.send(first, "POST", "/api/v1/answers", "{\"title\":\"Snowplough schedule\","
          + "\"body\":\"Main roads first.\",\"language\":\"en\",\"department\":\"transport\"}", staff);
      assertEquals(201, created.statusCode(), created.body());
      id = (String) http.map(first, created).get("id");
      http.send(first, "POST", "/api/v1/answers/" + id + "/submit", null, staff);
      assertEquals(200, http.send(first, "POST", "/api/v1/answers/" + id + "/publish", null, supervisor).statusCode());
      String operator = http.login(first, "op-001");
      await().atMost(Duration.ofSeconds(2)).until(() -> found(first, id, operator));
    }
    try (LuceneAnswerIndex index = LuceneAnswerIndex.open(dataDir.resolve("answer-index"))) {
      assertTrue(index.versions().containsKey(new AnswerId(id)), "the index survived the stop");
      index.delete(new AnswerId(id));
      assertTrue(index.size() > 0, "not empty, so the next start catches up instead of rebuilding");
    }
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String operator = http.login(second, "op-001");
      await().atMost(Duration.ofSeconds(10)).until(() -> found(second, id, operator));
    }
  }
}
