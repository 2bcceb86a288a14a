package org.onenumber.server.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.persistence.Jdbc;

/**
 * The HTTP API over a real socket, against whichever database the subclass configures. Asserts
 * the foundation's acceptance: the demo city is there, contacts are created, and bad input gets
 * a 4xx JSON error and writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ApiTestBase {

  @Inject
  EmbeddedServer server;

  @Inject
  JsonMapper json;

  @Inject
  Jdbc jdbc;

  private final HttpClient http = HttpClient.newHttpClient();

  record Reply(int status, String body) {}

  Reply send(String method, String path, String body, String... headers) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
    if (body != null) {
      request.header("Content-Type", "application/json");
    }
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Reply(response.statusCode(), response.body());
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> map(String body) throws IOException {
    return json.readValue(body, Map.class);
  }

  @SuppressWarnings("unchecked")
  private List<Object> items(String path) throws Exception {
    Reply reply = send("GET", path, null);
    assertEquals(200, reply.status(), reply.body());
    return (List<Object>) map(reply.body()).get("items");
  }

  private int rows(String table) {
    return jdbc.queryOne("select count(*) from " + table, row -> row.getInt(1)).orElseThrow();
  }

  private void assertError(Reply reply, int status, String code) throws IOException {
    assertEquals(status, reply.status(), reply.body());
    Map<String, Object> error = map(reply.body());
    assertEquals(code, error.get("error"), reply.body());
    assertNotNull(error.get("message"));
    assertFalse(reply.body().contains("\tat "), "no stack trace: " + reply.body());
  }

  @Test
  void servesTheSeededDemoCity() throws Exception {
    assertTrue(items("/api/v1/departments").size() >= 20);
    assertTrue(items("/api/v1/queues").size() >= 5);
    assertError(send("GET", "/api/v1/agents", null), 401, "unauthorized");
    Reply agents = send("GET", "/api/v1/agents", null, "Authorization", bearer("op-001"));
    assertEquals(200, agents.status(), agents.body());
    assertTrue(((List<?>) map(agents.body()).get("items")).size() >= 30, "operators' names and states need a login");
  }

  @Test
  void opensAContactAndReadsItBackWithLogin() throws Exception {
    Reply created = send("POST", "/api/v1/contacts",
        "{\"channel\":\"SMS\",\"phone\":\"010-2345-6789\",\"language\":\"ko\",\"topic\":\"대형폐기물 수거 신청\"}");
    assertEquals(201, created.status(), created.body());
    Map<String, Object> contact = map(created.body());
    assertEquals("QUEUED", contact.get("state"));
    assertEquals("messaging-ko", contact.get("queue"));
    String id = (String) contact.get("id");

    assertError(send("GET", "/api/v1/contacts/" + id, null), 401, "unauthorized");
    assertError(send("GET", "/api/v1/contacts/" + id, null, "Authorization", bearer("op-001")), 403, "forbidden");
    Reply read = send("GET", "/api/v1/contacts/" + id, null, "Authorization", bearer("sv-01"));
    assertEquals(200, read.status(), read.body());
    assertEquals(contact, map(read.body()));

    Reply audit = send("GET", "/api/v1/audit?citizenId=" + contact.get("citizenId"), null, "Authorization",
        bearer("admin"));
    assertEquals(200, audit.status(), audit.body());
    assertTrue(audit.body().contains("\"actor\":\"sv-01\"") && audit.body().contains("\"reason\":\"supervision\""),
        "the supervisor's view is audited: " + audit.body());
    assertFalse(audit.body().contains("\"actor\":\"op-001\""), "a refused view is not recorded as seen");
    Reply chain = send("GET", "/api/v1/audit/verify", null, "Authorization", bearer("admin"));
    assertTrue(chain.body().contains("\"intact\":true"), chain.body());
    assertEquals(403, send("GET", "/api/v1/audit", null, "Authorization", bearer("sv-01")).status());
  }

  @Test
  void recognisesTheSameCitizenAcrossContactsOnlyByAVerifiedIdentity() throws Exception {
    String body = "{\"channel\":\"VOICE\",\"phone\":\"+82 10 3456 7890\",\"language\":\"ko\"}";
    String integration = bearer("admin");
    Object first = map(send("POST", "/api/v1/contacts", body, "Authorization", integration).body()).get("citizenId");
    Object second = map(send("POST", "/api/v1/contacts", body.replace("VOICE", "SMS"), "Authorization", integration)
        .body()).get("citizenId");
    assertEquals(first, second, "a trusted integration vouches for the number");

    Reply typed = send("POST", "/api/v1/contacts", body.replace("VOICE", "WEB_FORM"));
    assertEquals(201, typed.status(), typed.body());
    assertNotEquals(first, map(typed.body()).get("citizenId"),
        "a number typed into the anonymous intake never joins that citizen's history");
  }

  @Test
  void anonymousIntakeMayNotChooseQueuePriorityOrSkills() throws Exception {
    int contacts = rows("contact");
    String citizen = "{\"channel\":\"SMS\",\"phone\":\"+821012345679\",\"language\":\"ko\",";
    for (String extra : List.of("\"queue\":\"elderly-care\"}", "\"priority\":100}", "\"skills\":[\"tax:3\"]}")) {
      assertError(send("POST", "/api/v1/contacts", citizen + extra), 403, "forbidden");
    }
    assertEquals(contacts, rows("contact"), "nothing stored");
    Reply chosen = send("POST", "/api/v1/contacts", citizen + "\"priority\":90}", "Authorization", bearer("sv-01"));
    assertEquals(201, chosen.status(), chosen.body());
    assertEquals(90, map(chosen.body()).get("priority"));
  }

  @Test
  void refusesBadInputWithAJsonErrorAndWritesNothing() throws Exception {
    int contacts = rows("contact");
    int citizens = rows("citizen");
    int events = rows("domain_event");
    assertError(send("POST", "/api/v1/contacts", "{\"channel\":\"SMS\",\"phone\":"), 400, "bad_request");
    assertError(send("POST", "/api/v1/contacts", "{\"channel\":\"FAX\",\"phone\":\"+821012345678\",\"language\":\"ko\"}"),
        400, "bad_request");
    assertError(send("POST", "/api/v1/contacts", "{\"phone\":\"+821012345678\",\"language\":\"ko\"}"), 400,
        "invalid_input");
    assertError(send("POST", "/api/v1/contacts", "{\"channel\":\"SMS\",\"language\":\"ko\"}"), 400, "invalid_input");
    assertError(send("POST", "/api/v1/contacts", "{\"channel\":\"SMS\",\"phone\":\"12\",\"language\":\"ko\"}"), 400,
        "invalid_input");
    assertError(send("POST", "/api/v1/contacts",
        "{\"channel\":\"SMS\",\"phone\":\"+821012345678\",\"language\":\"ko\",\"queue\":\"nope\"}",
        "Authorization", bearer("sv-01")), 404, "not_found");
    assertError(send("POST", "/api/v1/contacts", "{\"channel\":\"SMS\",\"phone\":\"+821012345678\",\"language\":\"ko\","
        + "\"topic\":\"" + "가".repeat(4001) + "\"}"), 400, "invalid_input");
    assertEquals(contacts, rows("contact"));
    assertEquals(citizens, rows("citizen"));
    assertEquals(events, rows("domain_event"));
  }

  @Test
  void answersUnknownIdsWith404() throws Exception {
    assertError(send("GET", "/api/v1/contacts/no-such-id", null, "Authorization", bearer("sv-01")), 404, "not_found");
  }

  @Test
  void refusesHttpBasicLogins() throws Exception {
    String basic = "Basic " + Base64.getEncoder().encodeToString("sv-01:demo1234".getBytes());
    assertEquals(401, send("GET", "/api/v1/contacts/no-such-id", null, "Authorization", basic).status());
  }

  /** A bearer token for a demo account (password demo1234). */
  String bearer(String user) throws Exception {
    Reply login = send("POST", "/login", "{\"username\":\"" + user + "\",\"password\":\"demo1234\"}");
    assertEquals(200, login.status(), login.body());
    return "Bearer " + map(login.body()).get("access_token");
  }

  @Test
  void logsInWithTheDemoPasswordAndRefusesAWrongOne() throws Exception {
    Reply ok = send("POST", "/login", "{\"username\":\"op-002\",\"password\":\"demo1234\"}");
    assertEquals(200, ok.status(), ok.body());
    assertNotNull(map(ok.body()).get("access_token"));
    assertEquals(401, send("POST", "/login", "{\"username\":\"op-002\",\"password\":\"wrong\"}").status());
  }

  @Test
  void servesHealthMetricsAndTheOpenApiDocument() throws Exception {
    Reply health = send("GET", "/health", null);
    assertEquals(200, health.status());
    assertFalse(health.body().contains("jdbc:"), "anonymous health shows no details: " + health.body());
    assertEquals(401, send("GET", "/prometheus", null).status());
    assertEquals(403, send("GET", "/prometheus", null, "Authorization", bearer("op-001")).status());
    Reply metrics = send("GET", "/prometheus", null, "Authorization", bearer("admin"));
    assertEquals(200, metrics.status());
    assertTrue(metrics.body().contains("jvm_memory_used_bytes"), "prometheus text format");
    Reply openApi = send("GET", "/openapi.yml", null);
    assertEquals(200, openApi.status());
    assertTrue(openApi.body().contains("/api/v1/contacts"));
    assertTrue(openApi.body().contains("/api/v1/departments"));
  }
}
