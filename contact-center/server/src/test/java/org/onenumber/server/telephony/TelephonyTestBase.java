package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.TestHttp;
import org.onenumber.telephony.asterisk.AmiStatus;
import org.onenumber.telephony.asterisk.AsteriskAmi;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * The server with AMI configured: Asterisk away at start (health DOWN, other APIs serve),
 * then Asterisk (the replay peer of capture 07c) appearing on the configured port (health UP);
 * recordings played to supervisors only and deleted by the retention sweep.
 */
abstract class TelephonyTestBase {

  /** The database properties (H2 file in {@code dir}, or a fresh PostgreSQL database). */
  abstract Map<String, ?> database(Path dir);

  private final TestHttp http = new TestHttp();
  private EmbeddedServer server;
  private AmiReplayPeer peer;

  @TempDir
  Path dir;

  @AfterEach
  void stop() {
    if (server != null) {
      server.getApplicationContext().close();
    }
    if (peer != null) {
      peer.close();
    }
  }

  private EmbeddedServer start(int amiPort) {
    Map<String, Object> props = new HashMap<>();
    props.put("onenumber.data-dir", dir.toString());
    props.putAll(database(dir));
    props.put("micronaut.server.port", -1);
    props.put("micronaut.security.token.jwt.signatures.secret.generator.secret",
        "test-jwt-secret-0123456789abcdef0123456789abcdef");
    props.put("onenumber.telephony.asterisk.ami.port", amiPort);
    props.put("onenumber.telephony.asterisk.ami.username", AmiReplayPeer.USERNAME);
    props.put("onenumber.telephony.asterisk.ami.secret", AmiReplayPeer.SECRET);
    props.put("onenumber.telephony.asterisk.ami.min-backoff", "100ms");
    props.put("onenumber.telephony.asterisk.ami.max-backoff", "300ms");
    server = ApplicationContext.run(EmbeddedServer.class, props);
    return server;
  }

  @Test
  void healthSaysTelephonyDownWhileAsteriskIsAwayOtherApisServeAndItComesUpWhenAsteriskDoes() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    start(port);
    AsteriskAmi ami = server.getApplicationContext().getBean(AsteriskAmi.class);
    await().atMost(Duration.ofSeconds(20)).until(() -> ami.status().state() == AmiStatus.State.DOWN);
    HttpResponse<String> health = http.send(server, "GET", "/health", null, null);
    assertEquals(503, health.statusCode(), health.body());
    assertEquals(200, http.send(server, "GET", "/api/v1/queues", null, null).statusCode());

    peer = AmiReplayPeer.start("07c-core-restart", port);
    await().atMost(Duration.ofSeconds(20)).until(() -> ami.status().up());
    await().atMost(Duration.ofSeconds(20)).until(() -> http.send(server, "GET", "/health", null, null).statusCode() == 200);
    String token = http.login(server, "admin");
    String details = http.send(server, "GET", "/health", null, token).body();
    assertTrue(details.contains("telephony"), details);
    assertFalse(details.contains(AmiReplayPeer.SECRET), details);
  }

  @Test
  void recordingIsPlayedToSupervisorsOnlyAndDeletedAfterItsRetention() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    start(port);
    HttpResponse<String> opened = http.send(server, "POST", "/api/v1/contacts", "{\"channel\":\"VOICE\","
        + "\"phone\":\"010-5555-0301\",\"language\":\"ko\",\"queue\":\"general-ko\",\"topic\":\"ivr:operator\"}",
        http.login(server, "sv-01"));
    assertEquals(201, opened.statusCode(), opened.body());
    String id = (String) http.map(server, opened).get("id");
    Path wav = Files.write(dir.resolve("onenumber-c-rec.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2, 3});
    JdbcCallRecordings recordings = server.getApplicationContext().getBean(JdbcCallRecordings.class);
    Instant at = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    recordings.started(new ContactId(id), wav.toString(), at);
    recordings.stopped(new ContactId(id), at.plusSeconds(42));
    assertEquals(Duration.ofSeconds(42), recordings.find(new ContactId(id)).orElseThrow().duration());

    String supervisor = http.login(server, "sv-01");
    String operator = http.login(server, "op-001");
    assertEquals(403, http.send(server, "GET", "/api/v1/contacts/" + id + "/recording", null, operator).statusCode());
    assertEquals(401, http.send(server, "GET", "/api/v1/contacts/" + id + "/recording", null, null).statusCode());
    assertEquals(403, http.send(server, "GET", "/api/v1/contacts/" + id + "/recordings", null, operator).statusCode(),
        "an operator who does not hold the contact sees no recordings");
    HttpResponse<String> listed = http.send(server, "GET", "/api/v1/contacts/" + id + "/recordings", null, supervisor);
    assertEquals(200, listed.statusCode(), listed.body());
    assertTrue(listed.body().contains("\"durationSeconds\":42"), listed.body());
    assertTrue(listed.body().contains("\"playUrl\":\"/api/v1/contacts/" + id + "/recording\""), listed.body());
    assertFalse(listed.body().contains("onenumber-c-rec.wav"), "file names stay on the server: " + listed.body());
    assertEquals(404, http.send(server, "GET", "/api/v1/contacts/nope/recordings", null, supervisor).statusCode());
    assertEquals(400, http.send(server, "GET", "/api/v1/contacts/" + "x".repeat(65) + "/recordings", null, supervisor)
        .statusCode());
    HttpResponse<String> missing = http.send(server, "GET", "/api/v1/contacts/nope/recording", null, supervisor);
    assertEquals(404, missing.statusCode());
    assertTrue(missing.body().contains("not_found"), missing.body());
    var played = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
            java.net.URI.create(server.getURL() + "/api/v1/contacts/" + id + "/recording"))
        .header("Authorization", "Bearer " + supervisor).build(), HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, played.statusCode());
    assertArrayEquals(Files.readAllBytes(wav), played.body());

    RecordingRetention retention = server.getApplicationContext().getBean(RecordingRetention.class);
    assertEquals(0, retention.sweep(at.plus(Duration.ofDays(89))));
    assertEquals(1, retention.sweep(at.plus(Duration.ofDays(91))));
    assertFalse(Files.exists(wav));
    assertEquals(404, http.send(server, "GET", "/api/v1/contacts/" + id + "/recording", null, supervisor).statusCode());
  }
}
