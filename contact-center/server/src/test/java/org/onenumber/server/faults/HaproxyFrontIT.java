package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.TestDatabases;

/**
 * The cluster's front door in its short form (issue 11, session 15; the failover under load is
 * {@link ClusterLbKillFaults}, not in CI): HAProxy as {@code bin/haproxy-config} configures it, in
 * front of one server on H2 that trusts the balancer's address. Through the balancer: its {@code
 * /health} check brings the node UP; an administrator's login and unlock are audited with the
 * client's address (not the balancer's, not an address the client wrote in {@code X-Forwarded-For}
 * itself); a signed SMS webhook is answered 200 (the signature holds for the URL Twilio called); a
 * citizen's chat is upgraded to a WebSocket and its message acknowledged. Then the node stops and
 * HAProxy takes it out within 3 s (the front door answers 503 instead of waiting). Skipped without
 * HAProxy, except in CI.
 */
class HaproxyFrontIT {

  private static final String FORGED = "203.0.113.9";

  @Test
  void throughTheBalancerTheServerSeesTheClientUpgradesSocketsAndADeadNodeIsTakenOut() throws Exception {
    Haproxy.requireInstalled();
    Map<String, String> settings = new HashMap<>(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "onenumber.trusted-proxies", Haproxy.SOURCE, "micronaut.server.port", "-1"));
    EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
        PartitionFailoverPostgresIT.properties(settings));
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(2)).build();
    try (Haproxy haproxy = Haproxy.start(Map.of("node-a", server.getURI()), null)) {
      URI front = haproxy.uri();
      await("HAProxy's /health check brings the node up").atMost(Duration.ofSeconds(15))
          .pollInterval(Duration.ofMillis(100)).until(() -> "UP".equals(haproxy.states().get("nodes/node-a")));

      Instant since = Instant.now().minusSeconds(1);
      String admin = (String) JsonMapper.createDefault().readValue(post(http, front.resolve("/login"),
          "{\"username\":\"admin\",\"password\":\"demo1234\"}", null).body(), Map.class).get("access_token");
      assertEquals(204, post(http, front.resolve("/api/v1/accounts/op-007/unlock"), "", admin).statusCode());
      List<AuditEntry> audited = server.getApplicationContext().getBean(AuditLog.class)
          .find(null, "admin", since, null, 100);
      AuditEntry unlock = audited.stream().filter(e -> "unlock".equals(e.action())).findFirst().orElseThrow();
      assertEquals("127.0.0.1", unlock.source(), "the unlock is audited with the client's address, not the balancer's");
      assertFalse(audited.stream().anyMatch(e -> FORGED.equals(e.source()) || Haproxy.SOURCE.equals(e.source())),
          "no entry names the balancer or the client's own claim: " + audited);

      AckedLoad twilio = new AckedLoad(front, "lbfront");
      Map<String, String> form = new LinkedHashMap<>(Map.of("MessageSid", "SMlbfront00000000000000000000001",
          "SmsSid", "SMlbfront00000000000000000000001", "AccountSid", ServerProcess.ACCOUNT, "From", "+821055501234", "To", "+8215880120", "Body", "가로등 고장",
          "NumMedia", "0"));
      assertEquals(200, twilio.send(http, new AckedLoad.Webhook(form.get("MessageSid"), form.get("From"), form)),
          "a webhook signed for the balancer's URL is accepted behind it");

      JsonFrames chat = new JsonFrames(JsonMapper.createDefault()).open(http,
          URI.create("ws://127.0.0.1:" + front.getPort() + "/ws/chat"));
      chat.send(Map.of("type", "start", "language", "ko"));
      chat.await(f -> "session".equals(f.get("type")));
      chat.send(Map.of("type", "message", "clientId", "lb-1", "body", "through the balancer"));
      assertEquals("ack", chat.await(f -> "lb-1".equals(f.get("clientId"))).get("type"), "the socket crossed HAProxy");

      long stopped = System.nanoTime();
      server.getApplicationContext().close();
      await("HAProxy takes the stopped node out").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
          .until(() -> String.valueOf(haproxy.states().get("nodes/node-a")).startsWith("DOWN"));
      double outSeconds = (System.nanoTime() - stopped) / 1e9;
      HttpResponse<String> noNode = http.send(HttpRequest.newBuilder(front.resolve("/health")).build(),
          HttpResponse.BodyHandlers.ofString());
      System.out.printf("RESULT haproxy-front node_out_s=%.2f%n", outSeconds);
      assertEquals(503, noNode.statusCode(), "no node left: the balancer answers at once");
      assertTrue(outSeconds <= 3, "the stopped node was out after " + outSeconds + " s");
    } finally {
      if (server.getApplicationContext().isRunning()) {
        server.getApplicationContext().close();
      }
    }
  }

  /** A POST through the balancer, with a client-written {@code X-Forwarded-For} the server must not believe. */
  private static HttpResponse<String> post(HttpClient http, URI uri, String body, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
        .header("X-Forwarded-For", FORGED).POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
