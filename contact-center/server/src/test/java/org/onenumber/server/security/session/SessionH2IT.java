package org.onenumber.server.security.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.persistence.Jdbc;

/**
 * Sessions on H2: refresh-token rotation, reuse detection (family revoked, audited), logout,
 * disabled accounts and expiry; lifetimes come from configuration.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionH2IT implements TestPropertyProvider {

  private static final String PAGE = "/api/v1/service-levels?scope=center";
  private static final String REFRESH = "/api/v1/session/refresh";
  private final TestHttp http = new TestHttp();

  @Inject
  EmbeddedServer server;

  @Inject
  Jdbc jdbc;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.security.token.generator.access-token.expiration", "600");
  }

  /** access_token and refresh_token of a fresh login. */
  private Map<String, Object> login(String user) throws Exception {
    HttpResponse<String> answer = http.send(server, "POST", "/login",
        "{\"username\":\"" + user + "\",\"password\":\"demo1234\"}", null);
    assertEquals(200, answer.statusCode(), answer.body());
    return http.map(server, answer);
  }

  private HttpResponse<String> refresh(Object refreshToken) throws Exception {
    return http.send(server, "POST", REFRESH, "{\"refresh_token\":\"" + refreshToken + "\"}", null);
  }

  private static String logoutBody(Object token, Object refreshToken) {
    return "{\"token\":\"" + token + "\",\"refresh_token\":\"" + refreshToken + "\"}";
  }

  @Test
  void eachRefreshAnswersANewAccessTokenAndTheNextRefreshTokenAndSpendsThePresentedOne() throws Exception {
    Map<String, Object> first = login("sv-01");
    assertTrue(first.get("refresh_token") instanceof String, "login answers a refresh token: " + first.keySet());

    HttpResponse<String> refreshed = refresh(first.get("refresh_token"));
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    assertEquals("no-store", refreshed.headers().firstValue("Cache-Control").orElse(""));
    Map<String, Object> second = http.map(server, refreshed);
    assertEquals(600, ((Number) second.get("expires_in")).intValue(), "lifetime from configuration");
    assertNotEquals(first.get("refresh_token"), second.get("refresh_token"), "rotated");
    assertEquals(200, http.send(server, "GET", PAGE, null, (String) second.get("access_token")).statusCode(),
        "same role, same rights");
    assertEquals(200, refresh(second.get("refresh_token")).statusCode(), "the next token refreshes in turn");
    assertFalse(jdbc.query("select token_hash from refresh_token", r -> r.getString(1))
        .contains(first.get("refresh_token")), "stored hashed only");
  }

  @Test
  void aSpentRefreshTokenPresentedAgainRevokesTheWholeFamilyAndIsAudited() throws Exception {
    Map<String, Object> first = login("sv-02");
    Map<String, Object> second = http.map(server, refresh(first.get("refresh_token")));
    Map<String, Object> other = login("sv-02");

    HttpResponse<String> replay = refresh(first.get("refresh_token"));
    assertEquals(400, replay.statusCode());
    assertTrue(replay.body().contains("invalid_grant"), replay.body());
    assertFalse(replay.body().contains((String) first.get("refresh_token")), "never echoed");
    assertEquals(400, refresh(second.get("refresh_token")).statusCode(), "the family's live token is revoked too");
    assertEquals(200, refresh(other.get("refresh_token")).statusCode(), "another login of the account is not");

    String admin = http.login(server, "admin");
    HttpResponse<String> audit = http.send(server, "GET", "/api/v1/audit?actor=sv-02", null, admin);
    assertEquals(200, audit.statusCode(), audit.body());
    assertTrue(audit.body().contains("refresh-reuse"), audit.body());
  }

  @Test
  void logoutRevokesTheAccessTokenAndTheRefreshTokensFamily() throws Exception {
    Map<String, Object> session = login("sv-01");
    String access = (String) session.get("access_token");
    assertEquals(400, http.send(server, "POST", "/api/v1/session/logout", "{}", access).statusCode(),
        "the body must confirm the token");
    assertEquals(204, http.send(server, "POST", "/api/v1/session/logout",
        logoutBody(access, session.get("refresh_token")), access).statusCode());
    assertEquals(401, http.send(server, "GET", PAGE, null, access).statusCode(), "logged out");
    assertEquals(400, refresh(session.get("refresh_token")).statusCode(), "its refresh token is revoked");
  }

  @Test
  void anotherLoginOfTheSameAccountStaysValidAfterALogout() throws Exception {
    String console = http.login(server, "sv-01");
    String wallboard = http.login(server, "sv-01");
    assertEquals(204, http.send(server, "POST", "/api/v1/session/logout", "{\"token\":\"" + console + "\"}", console)
        .statusCode());
    assertEquals(401, http.send(server, "GET", PAGE, null, console).statusCode());
    assertEquals(200, http.send(server, "GET", PAGE, null, wallboard).statusCode());
  }

  @Test
  void disablingAnAccountRevokesItsTokensAndRefusesItsLoginsUntilEnabled() throws Exception {
    Map<String, Object> session = login("op-007");
    String access = (String) session.get("access_token");
    String admin = http.login(server, "admin");
    assertEquals(403, http.send(server, "POST", "/api/v1/accounts/op-007/disable", null, access).statusCode(),
        "an operator cannot");
    assertEquals(204, http.send(server, "POST", "/api/v1/accounts/op-007/disable", null, admin).statusCode());
    assertEquals(401, http.send(server, "GET", "/api/v1/agents/op-007", null, access).statusCode(),
        "the unexpired access token is refused");
    assertEquals(400, refresh(session.get("refresh_token")).statusCode(), "the refresh token is revoked");
    assertEquals(401, http.send(server, "POST", "/login", "{\"username\":\"op-007\",\"password\":\"demo1234\"}", null)
        .statusCode(), "no new login");
    assertEquals(404, http.send(server, "POST", "/api/v1/accounts/nobody/disable", null, admin).statusCode());

    assertEquals(204, http.send(server, "POST", "/api/v1/accounts/op-007/enable", null, admin).statusCode());
    Map<String, Object> again = login("op-007");
    assertEquals(200, http.send(server, "GET", "/api/v1/agents/op-007", null, (String) again.get("access_token"))
        .statusCode());
    assertEquals(400, refresh(session.get("refresh_token")).statusCode(), "old refresh tokens stay revoked");
  }

  @Test
  void anExpiredRefreshTokenIsRefused() throws Exception {
    Map<String, Object> session = login("sv-02");
    jdbc.update("update refresh_token set expires_at = ? where token_hash = ?", Instant.now().minusSeconds(1),
        RefreshTokens.hash((String) session.get("refresh_token")));
    assertEquals(400, refresh(session.get("refresh_token")).statusCode());
    assertEquals(400, refresh("").statusCode(), "a blank token");
    assertEquals(400, http.send(server, "POST", REFRESH, "{}", null).statusCode(), "no token");
  }
}
