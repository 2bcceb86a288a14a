package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * Anonymous doors under abuse: intake flooded from one address (others still served), password
 * guessing (locked, then unlocked by an administrator), oversized passwords and SQL-rejected
 * values (4xx, nothing echoed). Each test fails on the server before rate limits existed.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AbuseResistanceIT implements TestPropertyProvider {

  @Inject
  EmbeddedServer server;

  private final TestHttp http = new TestHttp();

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(),
        "onenumber.rate-limits.intake-per-minute", "5",
        "onenumber.rate-limits.login-per-minute", "1000",
        "onenumber.rate-limits.login-failures-per-15-minutes", "3",
        "onenumber.trusted-proxies", "127.0.0.6");
  }

  private HttpResponse<String> intakeFrom(String address, String phone) throws Exception {
    HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/contacts");
    return client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WEB_FORM\",\"phone\":\"" + phone
            + "\",\"language\":\"ko\",\"topic\":\"가로등 고장\"}")).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aFloodFromOneAddressIsRefusedWith429WhileOtherAddressesAreServed() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertEquals(201, intakeFrom("127.0.0.3", "010-5000-000" + i).statusCode());
    }
    HttpResponse<String> refused = intakeFrom("127.0.0.3", "010-5000-0009");
    assertEquals(429, refused.statusCode(), refused.body());
    assertTrue(refused.body().contains("\"error\":\"rate_limited\""), refused.body());
    assertTrue(refused.headers().firstValue("Retry-After").isPresent());
    assertEquals(201, intakeFrom("127.0.0.4", "010-5000-0010").statusCode(), "another address is still served");
  }

  @Test
  void aForgedForwardedForHeaderDoesNotEscapeTheAddressLimit() throws Exception {
    HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.5")).build();
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/contacts");
    int refused = 0;
    for (int i = 0; i < 8; i++) {
      HttpResponse<String> answer = client.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
          .header("X-Forwarded-For", "203.0.113." + i).header("Forwarded", "for=198.51.100." + i)
          .POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WEB_FORM\",\"phone\":\"010-5100-000" + i
              + "\",\"language\":\"ko\",\"topic\":\"가로등 고장\"}")).build(), HttpResponse.BodyHandlers.ofString());
      refused += answer.statusCode() == 429 ? 1 : 0;
    }
    assertEquals(3, refused, "8 requests from one peer with 8 invented client addresses: the 5-a-minute limit holds");
  }

  @Test
  void behindATrustedProxyEachClientHasItsOwnLimitWhateverItClaims() throws Exception {
    HttpClient proxy = HttpClient.newBuilder().localAddress(InetAddress.getByName("127.0.0.6")).build();
    int refused = 0;
    for (int i = 0; i < 8; i++) {
      refused += viaProxy(proxy, "203.0.113." + i + ", 198.51.100.7", "010-5200-000" + i).statusCode() == 429 ? 1 : 0;
    }
    assertEquals(3, refused, "the proxy's own entry names the client; what the client wrote left of it is ignored");
    assertEquals(201, viaProxy(proxy, "198.51.100.8", "010-5200-0010").statusCode(), "another client is served");
  }

  private HttpResponse<String> viaProxy(HttpClient proxy, String forwardedFor, String phone) throws Exception {
    URI uri = URI.create("http://127.0.0.1:" + server.getPort() + "/api/v1/contacts");
    return proxy.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header("X-Forwarded-For", forwardedFor).POST(HttpRequest.BodyPublishers.ofString("{\"channel\":\"WEB_FORM\","
            + "\"phone\":\"" + phone + "\",\"language\":\"ko\",\"topic\":\"가로등 고장\"}")).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void repeatedWrongPasswordsLockTheLoginUntilAnAdministratorUnlocksIt() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(401, login("op-007", "wrong-" + i).statusCode());
    }
    HttpResponse<String> locked = login("op-007", "demo1234");
    assertEquals(401, locked.statusCode(), "locked even with the right password: " + locked.body());
    assertFalse(locked.body().contains("demo1234"));
    String admin = http.login(server, "admin");
    assertEquals(403, http.send(server, "POST", "/api/v1/accounts/op-007/unlock", null,
        http.login(server, "op-001")).statusCode(), "operators cannot unlock");
    assertEquals(204, http.send(server, "POST", "/api/v1/accounts/op-007/unlock", null, admin).statusCode());
    assertEquals(200, login("op-007", "demo1234").statusCode());
  }

  @Test
  void aSingleNodeDoesNotReadTheRevocationsAgainItKnowsItsOwnAtOnce() {
    assertTrue(server.getApplicationContext().findBean(SharedRevocations.class).isEmpty(),
        "no refresh of the revocation list outside a cluster");
  }

  @Test
  void aPasswordLongerThanBcryptReadsIsAWrongPasswordNotAServerError() throws Exception {
    assertEquals(401, login("op-008", "x".repeat(100)).statusCode());
    assertEquals(401, login("op-008", "가".repeat(30)).statusCode());
  }

  @Test
  void aValueTheDatabaseRejectsIsA400ThatQuotesNothing() throws Exception {
    String longName = "9".repeat(300);
    HttpResponse<String> reply = http.send(server, "POST", "/api/v1/contacts",
        "{\"channel\":\"WEB_FORM\",\"phone\":\"010-5000-0100\",\"language\":\"ko\",\"name\":\"" + longName + "\"}",
        null);
    assertTrue(reply.statusCode() == 201 || reply.statusCode() == 400, reply.statusCode() + " " + reply.body());
    assertFalse(reply.body().contains(longName.substring(0, 20)), "the value is not echoed: " + reply.body());
  }

  private HttpResponse<String> login(String user, String password) throws Exception {
    HttpResponse<String> reply = http.send(server, "POST", "/login",
        "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
    assertNotNull(reply.body());
    return reply;
  }
}
