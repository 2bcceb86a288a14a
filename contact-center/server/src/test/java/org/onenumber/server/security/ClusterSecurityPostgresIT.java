package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * Two cluster nodes ({@code onenumber.cluster.enabled}) on one PostgreSQL database, in one JVM: a
 * login locked by wrong passwords on one node is locked on the other, and unlocked on both by an
 * administrator on either; a logout on one node ends the token on the other within the refresh
 * ({@link SharedRevocations}, 200 ms here); a single node has no such refresh (its own revocations
 * are known at once, {@code AbuseResistanceIT}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterSecurityPostgresIT {

  private static final String SECRET = "test-jwt-secret-0123456789abcdef0123456789abcdef";
  private final TestHttp http = new TestHttp();
  private EmbeddedServer a;
  private EmbeddedServer b;

  private static EmbeddedServer node(String url, String id) throws IOException {
    Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", url,
        "datasources.default.driver-class-name", "org.postgresql.Driver",
        "datasources.default.username", TestDatabases.PG_USER, "datasources.default.password", TestDatabases.PG_PASSWORD,
        "onenumber.cluster.enabled", "true", "onenumber.cluster.node-id", id,
        "onenumber.data-dir", Files.createTempDirectory("onenumber-" + id).toString(),
        "micronaut.security.token.jwt.signatures.secret.generator.secret", SECRET,
        "onenumber.rate-limits.login-failures-per-15-minutes", "3", "onenumber.rate-limits.login-per-minute", "1000"));
    properties.put("onenumber.security.revocations-refresh", "200ms");
    return ApplicationContext.run(EmbeddedServer.class, properties);
  }

  @BeforeAll
  void start() throws IOException {
    String url = TestDatabases.freshPostgres("onenumber_cluster_security");
    a = node(url, "node-a");
    b = node(url, "node-b");
  }

  @AfterAll
  void stop() {
    b.getApplicationContext().close();
    a.getApplicationContext().close();
  }

  private HttpResponse<String> login(EmbeddedServer node, String user, String password) throws Exception {
    return http.send(node, "POST", "/login", "{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}", null);
  }

  @Test
  void aLoginLockedOnOneNodeIsLockedOnTheOtherUntilAnAdministratorUnlocksItOnEither() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertEquals(401, login(a, "op-021", "wrong-" + i).statusCode());
    }
    assertEquals(401, login(b, "op-021", "demo1234").statusCode(), "locked on the other node too, right password or not");
    String admin = http.login(b, "admin");
    String list = http.send(b, "GET", "/api/v1/accounts?q=op-021", null, admin).body();
    assertTrue(list.contains("\"lockedOut\":true"), list);

    assertEquals(204, http.send(b, "POST", "/api/v1/accounts/op-021/unlock", null, admin).statusCode());
    assertEquals(200, login(a, "op-021", "demo1234").statusCode(), "unlocked on the node that locked it");
  }

  @Test
  void aLogoutOnOneNodeEndsTheTokenOnTheOtherWithinTheRefresh() throws Exception {
    Map<String, Object> session = http.map(a, login(a, "op-022", "demo1234"));
    String token = (String) session.get("access_token");
    String answers = "/api/v1/answers/search?q=water"; // served by a standby too (routing is the lease holder's)
    assertEquals(200, http.send(b, "GET", answers, null, token).statusCode());
    assertEquals(204, http.send(a, "POST", "/api/v1/session/logout", "{\"token\":\"" + token + "\"}", token).statusCode());
    Awaitility.await().atMost(Duration.ofSeconds(5))
        .until(() -> http.send(b, "GET", answers, null, token).statusCode() == 401);
    assertTrue(b.getApplicationContext().findBean(SharedRevocations.class).isPresent());
  }
}
