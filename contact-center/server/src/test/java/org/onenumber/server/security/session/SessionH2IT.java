package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

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

/** Refresh and logout on H2: a revoked token is refused on the next request; lifetimes come from configuration. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionH2IT implements TestPropertyProvider {

  private static final String PAGE = "/api/v1/service-levels?scope=center";
  private final TestHttp http = new TestHttp();

  @Inject
  EmbeddedServer server;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.security.token.generator.access-token.expiration", "600");
  }

  private static String body(String token) {
    return "{\"token\":\"" + token + "\"}";
  }

  @Test
  void refreshGivesANewTokenAndRevokesTheOldOneThenLogoutRevokesTheNewOne() throws Exception {
    String first = http.login(server, "sv-01");
    assertEquals(200, http.send(server, "GET", PAGE, null, first).statusCode());
    assertEquals(400, http.send(server, "POST", "/api/v1/session/refresh", "{}", first).statusCode(),
        "the body must confirm the token");

    HttpResponse<String> refreshed = http.send(server, "POST", "/api/v1/session/refresh", body(first), first);
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    assertEquals("no-store", refreshed.headers().firstValue("Cache-Control").orElse(""));
    Map<String, Object> answer = http.map(server, refreshed);
    String second = (String) answer.get("access_token");
    assertEquals(600, ((Number) answer.get("expires_in")).intValue(), "lifetime from configuration");
    assertNotEquals(first, second);
    assertEquals(401, http.send(server, "GET", PAGE, null, first).statusCode(), "the old token is revoked");
    assertEquals(200, http.send(server, "GET", PAGE, null, second).statusCode(), "same role, same rights");

    assertEquals(204, http.send(server, "POST", "/api/v1/session/logout", body(second), second).statusCode());
    assertEquals(401, http.send(server, "GET", PAGE, null, second).statusCode(), "logged out");
    assertEquals(401, http.send(server, "POST", "/api/v1/session/refresh", body(second), second).statusCode(),
        "a revoked token cannot refresh itself");
  }

  @Test
  void anotherLoginOfTheSameAccountStaysValidAfterALogout() throws Exception {
    String console = http.login(server, "sv-01");
    String wallboard = http.login(server, "sv-01");
    assertEquals(204, http.send(server, "POST", "/api/v1/session/logout", body(console), console).statusCode());
    assertEquals(401, http.send(server, "GET", PAGE, null, console).statusCode());
    assertEquals(200, http.send(server, "GET", PAGE, null, wallboard).statusCode());
  }
}
