package org.onenumber.server.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * The analytics API over a real socket on H2: the taxonomy, classification of Korean messages,
 * bad input as 4xx JSON without echoing, emerging issues live == batch, and the contact's
 * category as the FCR key.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnalyticsApiH2IT implements TestPropertyProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestHttp http = new TestHttp();

  @Inject
  EmbeddedServer server;

  @Inject
  ContactCategories categories;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }

  @Test
  void theTaxonomyNamesEveryTypeWithItsDepartment() throws Exception {
    JsonNode tree = get("/api/v1/analytics/taxonomy", "op-001");
    assertEquals(28, tree.get("types").size());
    JsonNode pothole = tree.get("types").get(0);
    assertEquals("roads.surface.pothole", pothole.get("code").asText());
    assertEquals("Pothole", pothole.get("nameEn").asText());
    assertEquals("roads", pothole.get("department").asText());
    assertEquals("roads", tree.get("services").get(0).get("code").asText());
  }

  @Test
  void classifiesACitizensWordsIntoTheTree() throws Exception {
    HttpResponse<String> reply = http.send(server, "POST", "/api/v1/analytics/classify",
        "{\"text\":\"새벽 네 시인데 옆 공사장에서 굴착기 소리가 계속 나요\",\"limit\":3}", http.login(server, "op-001"));
    assertEquals(200, reply.statusCode(), reply.body());
    JsonNode guesses = JSON.readTree(reply.body()).get("guesses");
    assertEquals("noise.construction.night", guesses.get(0).get("code").asText(), reply.body());
    assertEquals("construction", guesses.get(0).get("department").asText());
    assertTrue(guesses.size() <= 3);
  }

  @Test
  void badInputIsAJsonErrorThatDoesNotEchoIt() throws Exception {
    String token = http.login(server, "sv-01");
    HttpResponse<String> empty = http.send(server, "POST", "/api/v1/analytics/classify", "{\"text\":\" \"}", token);
    assertEquals(400, empty.statusCode());
    assertTrue(empty.body().contains("\"error\"") && empty.body().contains("\"message\""), empty.body());
    HttpResponse<String> limit = http.send(server, "POST", "/api/v1/analytics/classify",
        "{\"text\":\"secret-words-xyz\",\"limit\":99}", token);
    assertEquals(400, limit.statusCode());
    assertFalse(limit.body().contains("secret-words-xyz"), limit.body());
    assertEquals(400, http.send(server, "GET", "/api/v1/analytics/issues?source=guess", null, token).statusCode());
    assertEquals(403, http.send(server, "GET", "/api/v1/analytics/issues", null, http.login(server, "op-001")).statusCode());
    String staff = http.login(server, "staff-water");
    assertEquals(200, http.send(server, "GET", "/api/v1/analytics/issues", null, staff).statusCode());
    assertEquals(403, http.send(server, "GET", "/api/v1/analytics/issues?department=roads", null, staff).statusCode());
  }

  @Test
  void liveIssuesEqualTheBatchRecomputation() throws Exception {
    org.awaitility.Awaitility.await().until(() -> get("/api/v1/analytics/issues", "sv-01").get("warm").asBoolean());
    JsonNode live = get("/api/v1/analytics/issues", "sv-01");
    JsonNode batch = get("/api/v1/analytics/issues?source=batch", "sv-01");
    assertEquals("live", live.get("source").asText());
    assertEquals("batch", batch.get("source").asText());
    assertEquals(live.get("issues"), batch.get("issues"));
    assertEquals(live.get("since"), batch.get("since"));
  }

  @Test
  void aContactsCategoryIsTheTreesTypeOrElseItsShortTopic() {
    assertEquals("water.supply.leak", categories.categoryOf("길에서 수도관이 터져서 물이 콸콸 새요").orElseThrow());
    assertEquals("parking.illegal.report", categories.categoryOf("parking.illegal.report").orElseThrow());
    assertEquals("zzqx", categories.categoryOf("zzqx").orElseThrow());
    assertTrue(categories.categoryOf("zzqx ".repeat(20)).isEmpty(), "long words of no known type are no category");
  }

  private JsonNode get(String path, String user) throws Exception {
    HttpResponse<String> reply = http.send(server, "GET", path, null, http.login(server, user));
    assertEquals(200, reply.statusCode(), reply.body());
    return JSON.readTree(reply.body());
  }
}
