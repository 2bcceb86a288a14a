package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.persistence.Jdbc;

/**
 * Sockets are checked after connect, not only at the upgrade: a logout, an account disabled by an
 * administrator and the access token's expiry close an open operator socket ({@code /ws/agents/...})
 * and a signed-in call socket ({@code /ws/call}) with 4401/4403, within a second for the first two;
 * a renewed token sent in-band keeps the socket open past the first token's expiry. Access tokens
 * live 4 s here.
 */
@RunsAlone
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SignedInSocketsIT implements TestPropertyProvider {

  private static final long WITHIN_A_SECOND = TimeUnit.SECONDS.toNanos(1);
  private final TestHttp http = new TestHttp();
  private final HttpClient client = HttpClient.newHttpClient();

  @Inject
  EmbeddedServer server;

  @Inject
  Jdbc jdbc;

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.security.token.generator.access-token.expiration", "4",
        "onenumber.sockets.token-check", "200ms", "onenumber.security.revocations-refresh", "200ms",
        "onenumber.security.shared-revocations", "true"); // as a cluster node: reads what "other nodes" write
  }

  private Map<String, Object> login(String user) throws Exception {
    HttpResponse<String> answer = http.send(server, "POST", "/login",
        "{\"username\":\"" + user + "\",\"password\":\"demo1234\"}", null);
    assertEquals(200, answer.statusCode(), answer.body());
    return http.map(server, answer);
  }

  private SocketFrames agentSocket(String agent, Object token) throws Exception {
    SocketFrames socket = SocketFrames.open(client, URI.create(server.getURL().toString().replace("http", "ws")
        + "/ws/agents/" + agent + "?token=" + token));
    socket.next("snapshot", 10);
    return socket;
  }

  private SocketFrames callSocket(Object token) throws Exception {
    SocketFrames socket = SocketFrames.open(client, URI.create(server.getURL().toString().replace("http", "ws")
        + "/ws/call?token=" + token));
    assertTrue(socket.answersPing());
    return socket;
  }

  private static void assertClosedWithin(SocketFrames socket, int code, long since, long nanos) throws Exception {
    assertEquals(code, socket.closed.get(10, TimeUnit.SECONDS));
    long took = socket.closedAtNanos - since;
    assertTrue(took < nanos, "closed after " + TimeUnit.NANOSECONDS.toMillis(took) + " ms");
  }

  @Test
  void disablingAnOperatorClosesTheirOpenSocketsWithin1SecondWith4403() throws Exception {
    Object token = login("op-011").get("access_token");
    SocketFrames console = agentSocket("op-011", token);
    SocketFrames call = callSocket(token);
    String admin = http.login(server, "admin");

    long before = System.nanoTime();
    assertEquals(204, http.send(server, "POST", "/api/v1/accounts/op-011/disable", null, admin).statusCode());
    assertClosedWithin(console, SignedInSockets.ACCOUNT_DISABLED, before, WITHIN_A_SECOND);
    assertClosedWithin(call, SignedInSockets.ACCOUNT_DISABLED, before, WITHIN_A_SECOND);
    assertEquals(204, http.send(server, "POST", "/api/v1/accounts/op-011/enable", null, admin).statusCode());
  }

  @Test
  void aLogoutClosesTheSocketsOfThatTokenWithin1SecondWith4401AndNotAnotherLoginsSocket() throws Exception {
    Object token = login("op-012").get("access_token");
    Object otherLogin = login("op-012").get("access_token");
    SocketFrames console = agentSocket("op-012", token);
    SocketFrames call = callSocket(token);
    SocketFrames otherCall = callSocket(otherLogin);

    long before = System.nanoTime();
    assertEquals(204, http.send(server, "POST", "/api/v1/session/logout", "{\"token\":\"" + token + "\"}",
        (String) token).statusCode());
    assertClosedWithin(console, SignedInSockets.TOKEN_ENDED, before, WITHIN_A_SECOND);
    assertClosedWithin(call, SignedInSockets.TOKEN_ENDED, before, WITHIN_A_SECOND);
    assertTrue(otherCall.answersPing(), "the account's other login keeps its socket");
  }

  /** The token's id (jti), read from its payload. */
  private static String jti(Object token) throws Exception {
    String payload = new String(Base64.getUrlDecoder().decode(token.toString().split("\\.")[1]), StandardCharsets.UTF_8);
    Matcher jti = Pattern.compile("\"jti\"\\s*:\\s*\"([^\"]+)\"").matcher(payload);
    assertTrue(jti.find(), payload);
    return jti.group(1);
  }

  @Test
  void aLogoutAndADisablingThatAnotherNodeWroteAreHonouredHereWithinASecondAndCloseTheSockets() throws Exception {
    Object loggedOut = login("op-016").get("access_token");
    Object disabled = login("op-017").get("access_token");
    SocketFrames console = agentSocket("op-016", loggedOut);
    SocketFrames call = callSocket(disabled);
    assertEquals(200, http.send(server, "GET", "/api/v1/agents/op-016", null, (String) loggedOut).statusCode());

    long before = System.nanoTime();
    // what the other node's logout and its administrator's disabling leave in the shared database
    jdbc.update("insert into revoked_token (jti, expires_at) values (?, ?)", jti(loggedOut),
        Instant.now().plusSeconds(60));
    jdbc.update("update account set disabled_at = ? where login = ?", Instant.now(), "op-017");
    assertClosedWithin(console, SignedInSockets.TOKEN_ENDED, before, WITHIN_A_SECOND + WITHIN_A_SECOND / 2);
    assertClosedWithin(call, SignedInSockets.ACCOUNT_DISABLED, before, WITHIN_A_SECOND + WITHIN_A_SECOND / 2);
    assertEquals(401, http.send(server, "GET", "/api/v1/agents/op-016", null, (String) loggedOut).statusCode());
    assertEquals(401, http.send(server, "GET", "/api/v1/agents/op-017", null, (String) disabled).statusCode());

    jdbc.update("update account set disabled_at = null where login = ?", "op-017");
    Thread.sleep(600); // three refreshes
    Object again = login("op-017").get("access_token");
    assertEquals(200, http.send(server, "GET", "/api/v1/agents/op-017", null, (String) again).statusCode(),
        "enabled on the other node: enabled here");
  }

  @Test
  void anExpiredTokensSocketIsClosedWith4401() throws Exception {
    Object token = login("op-013").get("access_token");
    SocketFrames console = agentSocket("op-013", token);
    SocketFrames call = callSocket(token);
    long opened = System.nanoTime();
    assertEquals(SignedInSockets.TOKEN_ENDED, console.closed.get(10, TimeUnit.SECONDS));
    assertEquals(SignedInSockets.TOKEN_ENDED, call.closed.get(10, TimeUnit.SECONDS));
    long lived = TimeUnit.NANOSECONDS.toMillis(console.closedAtNanos - opened);
    assertTrue(lived < 5_500, "closed " + lived + " ms after opening, token lifetime 4 s, checked every 200 ms");
  }

  @Test
  void aRenewedTokenSentInBandKeepsTheSocketOpenPastTheFirstTokensExpiry() throws Exception {
    long start = System.nanoTime();
    Map<String, Object> session = login("op-014");
    SocketFrames console = agentSocket("op-014", session.get("access_token"));
    SocketFrames call = callSocket(session.get("access_token"));

    console.socket.sendText("{\"type\":\"auth\",\"token\":\"garbage\"}", true);
    assertTrue(console.next("invalid_token", 5).contains("error"));
    console.socket.sendText("{\"type\":\"auth\",\"token\":\"" + http.login(server, "op-015") + "\"}", true);
    assertTrue(console.next("invalid_token", 5).contains("error"), "another login's token renews nothing");

    Thread.sleep(Math.max(0, 2_000 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
    HttpResponse<String> refreshed = http.send(server, "POST", "/api/v1/session/refresh",
        "{\"refresh_token\":\"" + session.get("refresh_token") + "\"}", null);
    assertEquals(200, refreshed.statusCode(), refreshed.body());
    Object renewed = http.map(server, refreshed).get("access_token");
    console.socket.sendText("{\"type\":\"auth\",\"token\":\"" + renewed + "\"}", true);
    call.socket.sendText("{\"type\":\"auth\",\"token\":\"" + renewed + "\"}", true);
    assertTrue(console.next("auth.ok", 5).contains("expiresAt"));
    assertTrue(call.next("auth.ok", 5).contains("expiresAt"));

    Thread.sleep(Math.max(0, 4_700 - TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)));
    assertFalse(console.closed.isDone(), "the first token expired, the renewed one holds the socket");
    assertTrue(console.answersPing());
    assertTrue(call.answersPing());
    assertEquals(SignedInSockets.TOKEN_ENDED, console.closed.get(10, TimeUnit.SECONDS), "until it expires in turn");
  }
}
