package org.onenumber.server.privacy;

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
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.persistence.Jdbc;

/**
 * The privacy requests over a real socket on H2: a citizen sees who looked at their record through
 * the case tracking proof (roles and reasons, no staff names), rate-limited; an administrator erases
 * the citizen, after which the citizen's data is unreadable while the contact counts, the service
 * levels and the audit chain are unchanged.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrivacyH2IT implements TestPropertyProvider {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final TestHttp http = new TestHttp();

  @Inject
  EmbeddedServer server;

  @Inject
  Jdbc jdbc;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(), "onenumber.rate-limits.track-per-minute", "8");
  }

  private JsonNode json(HttpResponse<String> reply, int status) throws Exception {
    assertEquals(status, reply.statusCode(), reply.body());
    return JSON.readTree(reply.body());
  }

  private JsonNode center(String supervisor) throws Exception {
    JsonNode all = json(http.send(server, "GET", "/api/v1/service-levels?scope=center", null, supervisor), 200);
    return JSON.createObjectNode().put("offered", all.path("offered").asLong()).put("waiting", all.path("waiting").asLong())
        .put("answered", all.path("answered").asLong()).put("abandoned", all.path("abandoned").asLong());
  }

  @Test
  @Order(1)
  void theCitizenSeesWhoLookedThenAnAdministratorErasesThemAndTheFiguresStay() throws Exception {
    // The database may outlive a run: a case number and a phone of this run only.
    String last4 = String.valueOf(1000 + (System.nanoTime() & 0x1fff) % 9000);
    String caseNumber = "PRIV-" + System.currentTimeMillis();
    String supervisor = http.login(server, "sv-01");
    String admin = http.login(server, "admin");
    JsonNode contact = json(http.send(server, "POST", "/api/v1/contacts", "{\"channel\":\"SMS\",\"phone\":\"010-7300-" + last4 + "\","
        + "\"language\":\"ko\",\"topic\":\"Kim Minji's flooded basement\"}", supervisor), 201);
    String citizen = contact.path("citizenId").asText();
    json(http.send(server, "GET", "/api/v1/citizens/" + citizen, null, supervisor), 200);
    String department = jdbc.queryOne("select id from department order by id limit 1", r -> r.getString(1)).orElseThrow();
    new PrivacyRows(jdbc).caseFile(caseNumber, department, citizen, contact.path("id").asText(), Instant.now());

    String proof = "{\"caseNumber\":\"" + caseNumber + "\",\"phoneLast4\":\"" + last4 + "\"}";
    HttpResponse<String> looks = http.send(server, "POST", "/api/v1/track/access-log", proof, null);
    JsonNode items = json(looks, 200).path("items");
    assertTrue(items.size() >= 1, looks.body());
    assertTrue(looks.body().contains("\"role\":\"SUPERVISOR\"") && looks.body().contains("supervision"), looks.body());
    assertFalse(looks.body().contains("sv-01") || looks.body().contains("127.0.0.1"), "no staff login, no address: " + looks.body());
    JsonNode miss = json(http.send(server, "POST", "/api/v1/track/access-log",
        "{\"caseNumber\":\"" + caseNumber + "\",\"phoneLast4\":\"0000\"}", null), 404);
    assertEquals("not_found", miss.path("error").asText());
    assertEquals(items, json(http.send(server, "GET", "/api/v1/citizens/" + citizen + "/access-log", null, admin), 200)
        .path("items"), "the administrator sees what the citizen sees");

    JsonNode before = center(supervisor);
    assertEquals(403, http.send(server, "POST", "/api/v1/citizens/" + citizen + "/erasure", "{\"reason\":\"request 77\"}",
        supervisor).statusCode());
    assertEquals("invalid_input", json(http.send(server, "POST", "/api/v1/citizens/" + citizen + "/erasure", "{}", admin),
        400).path("error").asText());
    JsonNode erased = json(http.send(server, "POST", "/api/v1/citizens/" + citizen + "/erasure",
        "{\"reason\":\"erasure request 2026-77\"}", admin), 200);
    assertEquals(1, erased.path("contacts").asInt(), erased.toString());

    assertEquals(before, center(supervisor), "counts and service levels unchanged");
    HttpResponse<String> card = http.send(server, "GET", "/api/v1/citizens/" + citizen, null, supervisor);
    assertFalse(card.body().contains("7300" + last4) || card.body().contains("7300-" + last4) || card.body().contains("Kim"), card.body());
    HttpResponse<String> held = http.send(server, "GET", "/api/v1/contacts/" + contact.path("id").asText(), null, supervisor);
    assertFalse(held.body().contains("Kim") || held.body().contains("7300" + last4) || held.body().contains("7300-" + last4), held.body());
    assertTrue(json(http.send(server, "GET", "/api/v1/audit/verify", null, admin), 200).path("intact").asBoolean());
    assertEquals(404, http.send(server, "POST", "/api/v1/track/access-log", proof, null).statusCode(),
        "the erased phone no longer proves anything");
  }

  @Test
  @Order(2)
  void theCitizensViewIsRateLimitedPerAddress() throws Exception {
    int status = 0;
    for (int i = 0; i < 20 && status != 429; i++) {
      status = http.send(server, "POST", "/api/v1/track/access-log", "{\"caseNumber\":\"NONE-" + i
          + "\",\"phoneLast4\":\"0000\"}", null).statusCode();
    }
    assertEquals(429, status);
  }
}
