package org.onenumber.server.security.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * Integration API keys end to end: issued by an administrator (shown once), used within their
 * scopes (intake, Open311 by header or by the spec's field, case reads bound to a department),
 * refused out of scope (403), when revoked (401) or over their limit (429 with Retry-After), and
 * every use in the audit log. Each test fails on the server before keys existed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeysIT implements TestPropertyProvider {

  private static final String INTAKE = "{\"channel\":\"WEB_FORM\",\"phone\":\"010-7100-0001\",\"language\":\"ko\","
      + "\"topic\":\"가로등 고장\"}";

  @Inject
  EmbeddedServer server;

  private final TestHttp http = new TestHttp();
  private final HttpClient client = HttpClient.newHttpClient();
  private String admin;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(), "onenumber.rate-limits.login-per-minute", "1000");
  }

  @BeforeAll
  void logIn() throws Exception {
    admin = http.login(server, "admin");
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> issue(String body) throws Exception {
    HttpResponse<String> answer = http.send(server, "POST", "/api/v1/api-keys", body, admin);
    assertEquals(201, answer.statusCode(), answer.body());
    return http.map(server, answer);
  }

  private String value(Map<String, Object> issued) {
    return (String) issued.get("value");
  }

  @SuppressWarnings("unchecked")
  private String id(Map<String, Object> issued) {
    return (String) ((Map<String, Object>) issued.get("key")).get("id");
  }

  private HttpResponse<String> withKey(String method, String path, String key, String type, String body)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", type);
    if (key != null) {
      request.header("X-Api-Key", key);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> intake(String key) throws Exception {
    return withKey("POST", "/api/v1/contacts", key, "application/json", INTAKE);
  }

  private static String open311Form(String apiKey) {
    String form = "service_code=roads-01&lat=37.5665&long=126.978&description="
        + URLEncoder.encode("Pothole by exit 3", StandardCharsets.UTF_8);
    return apiKey == null ? form : form + "&api_key=" + URLEncoder.encode(apiKey, StandardCharsets.UTF_8);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> auditOf(String keyId) throws Exception {
    HttpResponse<String> answer = http.send(server, "GET", "/api/v1/audit?actor=apikey:" + keyId, null, admin);
    assertEquals(200, answer.statusCode(), answer.body());
    return (List<Map<String, Object>>) http.map(server, answer).get("items");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anAdministratorIssuesAKeyWhoseValueIsShownOnceAndOthersCannot() throws Exception {
    Map<String, Object> issued = issue("{\"name\":\"CRM\",\"scopes\":[\"cases:read\"]}");
    assertTrue(value(issued).startsWith("onk_") && value(issued).length() > 40, value(issued));
    HttpResponse<String> list = http.send(server, "GET", "/api/v1/api-keys", null, admin);
    assertEquals(200, list.statusCode());
    assertTrue(list.body().contains(id(issued)), list.body());
    assertFalse(list.body().contains(value(issued)), "the value is never shown again");
    assertTrue(list.body().contains("\"scopes\":[\"cases:read\"]"), list.body());
    String supervisor = http.login(server, "sv-01");
    assertEquals(403, http.send(server, "POST", "/api/v1/api-keys", "{\"name\":\"x\",\"scopes\":[\"cases:read\"]}",
        supervisor).statusCode());
    HttpResponse<String> unknownScope = http.send(server, "POST", "/api/v1/api-keys",
        "{\"name\":\"x\",\"scopes\":[\"everything\"]}", admin);
    assertEquals(400, unknownScope.statusCode(), unknownScope.body());
    assertFalse(unknownScope.body().contains("everything"), "the input is not echoed");
  }

  @Test
  void aKeyWithContactsCreateOpensContactsAndEveryUseIsAudited() throws Exception {
    Map<String, Object> issued = issue("{\"name\":\"Intake form\",\"scopes\":[\"contacts:create\"]}");
    assertEquals(201, intake(value(issued)).statusCode());
    assertEquals(201, intake(value(issued)).statusCode());
    List<Map<String, Object>> uses = auditOf(id(issued));
    assertEquals(2, uses.stream().filter(e -> "use".equals(e.get("action"))).count(), uses.toString());
    assertEquals("INTEGRATION", uses.get(0).get("role"));
    assertTrue(uses.get(0).get("reason").toString().startsWith("contacts:create: POST /api/v1/contacts"));
  }

  @Test
  void aKeyOutsideItsScopesIsRefusedWith403AndAudited() throws Exception {
    Map<String, Object> issued = issue("{\"name\":\"Intake only\",\"scopes\":[\"contacts:create\"]}");
    HttpResponse<String> refused = withKey("GET", "/api/v1/departments/roads/cases", value(issued),
        "application/json", null);
    assertEquals(403, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("\"error\":\"forbidden\"") && refused.body().contains("cases:read"),
        refused.body());
    HttpResponse<String> open311 = withKey("POST", "/open311/v2/requests.json", null,
        "application/x-www-form-urlencoded", open311Form(value(issued)));
    assertEquals(403, open311.statusCode(), open311.body());
    assertTrue(open311.body().contains("open311:write"), open311.body());
    assertEquals(2, auditOf(id(issued)).stream().filter(e -> "refused".equals(e.get("action"))).count());
  }

  @Test
  void aKeyAuthenticatesNothingBeyondItsScopes() throws Exception {
    Map<String, Object> issued = issue("{\"name\":\"All\",\"scopes\":[\"contacts:create\",\"open311:write\","
        + "\"cases:read\"]}");
    for (String path : List.of("/api/v1/audit", "/api/v1/api-keys", "/api/v1/contacts/x", "/api/v1/agents",
        "/api/v1/citizens/x")) {
      int status = withKey("GET", path, value(issued), "application/json", null).statusCode();
      assertTrue(status == 401 || status == 403, path + " answered " + status + " to a key");
    }
    int accept = withKey("POST", "/api/v1/cases/x/accept", value(issued), "application/json", "{}").statusCode();
    assertTrue(accept == 401 || accept == 403, "acting on a case: " + accept);
  }

  @Test
  void aRevokedKeyIsRefusedWith401FromTheNextRequestOn() throws Exception {
    Map<String, Object> issued = issue("{\"name\":\"Old CRM\",\"scopes\":[\"contacts:create\",\"open311:write\"]}");
    assertEquals(201, intake(value(issued)).statusCode());
    HttpResponse<String> revoked = http.send(server, "POST", "/api/v1/api-keys/" + id(issued) + "/revoke", null, admin);
    assertEquals(200, revoked.statusCode(), revoked.body());
    assertTrue(revoked.body().contains("\"revokedBy\":\"admin\""), revoked.body());
    HttpResponse<String> refused = intake(value(issued));
    assertEquals(401, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("revoked"), refused.body());
    HttpResponse<String> open311 = withKey("POST", "/open311/v2/requests.json", null,
        "application/x-www-form-urlencoded", open311Form(value(issued)));
    assertEquals(403, open311.statusCode(), "GeoReport's code for a bad key: " + open311.body());
    assertEquals(401, intake("onk_not-a-key").statusCode());
    assertEquals(404, http.send(server, "POST", "/api/v1/api-keys/key-none/revoke", null, admin).statusCode());
  }

  @Test
  void overItsOwnLimitAKeyGets429WithRetryAfter() throws Exception {
    Map<String, Object> issued = issue("{\"name\":\"Slow\",\"scopes\":[\"contacts:create\"],\"perMinute\":2}");
    assertEquals(201, intake(value(issued)).statusCode());
    assertEquals(201, intake(value(issued)).statusCode());
    HttpResponse<String> limited = intake(value(issued));
    assertEquals(429, limited.statusCode(), limited.body());
    assertTrue(limited.body().contains("\"error\":\"rate_limited\""), limited.body());
    long retry = Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow());
    assertTrue(retry >= 1 && retry <= 60, "Retry-After " + retry);
    Map<String, Object> other = issue("{\"name\":\"Other\",\"scopes\":[\"contacts:create\"]}");
    assertEquals(201, intake(value(other)).statusCode(), "another key is still served");
  }

  @Test
  void open311AcceptsAKeyWithItsScopeInTheFieldOrTheHeader() throws Exception {
    Map<String, Object> issued = issue("{\"name\":\"FixMyStreet\",\"scopes\":[\"open311:write\"]}");
    HttpResponse<String> byField = withKey("POST", "/open311/v2/requests.json", null,
        "application/x-www-form-urlencoded", open311Form(value(issued)));
    assertEquals(200, byField.statusCode(), byField.body());
    HttpResponse<String> byHeader = withKey("POST", "/open311/v2/requests.json", value(issued),
        "application/x-www-form-urlencoded", open311Form(null));
    assertEquals(200, byHeader.statusCode(), byHeader.body());
    assertEquals(2, auditOf(id(issued)).stream().filter(e -> "use".equals(e.get("action"))).count());
  }

  @Test
  void casesReadSeesCasesOfItsDepartmentOnlyAndEachViewIsAudited() throws Exception {
    Map<String, Object> roads = issue("{\"name\":\"Roads CRM\",\"scopes\":[\"cases:read\"],\"department\":\"roads\"}");
    HttpResponse<String> own = withKey("GET", "/api/v1/departments/roads/cases", value(roads), "application/json", null);
    assertEquals(200, own.statusCode(), own.body());
    HttpResponse<String> other = withKey("GET", "/api/v1/departments/transport/cases", value(roads),
        "application/json", null);
    assertEquals(403, other.statusCode(), other.body());
    assertTrue(auditOf(id(roads)).stream().anyMatch(e -> "list".equals(e.get("action"))
        && "integration".equals(e.get("reason"))), auditOf(id(roads)).toString());
    Map<String, Object> all = issue("{\"name\":\"City CRM\",\"scopes\":[\"cases:read\"]}");
    assertEquals(200, withKey("GET", "/api/v1/departments/transport/cases", value(all), "application/json", null)
        .statusCode());
  }

  @Test
  void aKeyForADepartmentTheDirectoryDoesNotKnowIsRefusedWith400() throws Exception {
    int before = keyCount();
    HttpResponse<String> refused = http.send(server, "POST", "/api/v1/api-keys",
        "{\"name\":\"Ghost CRM\",\"scopes\":[\"cases:read\"],\"department\":\"no-such-department-zz\"}", admin);
    assertEquals(400, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("invalid_input") && !refused.body().contains("no-such-department-zz"),
        "a JSON error that does not echo the input: " + refused.body());
    assertEquals(before, keyCount(), "no key was issued");
  }

  @SuppressWarnings("unchecked")
  private int keyCount() throws Exception {
    return ((List<Object>) http.map(server, http.send(server, "GET", "/api/v1/api-keys", null, admin)).get("items"))
        .size();
  }
}
