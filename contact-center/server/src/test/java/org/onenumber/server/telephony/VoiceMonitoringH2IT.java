package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.telephony.asterisk.AsteriskAmi;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCaller.DialOutcome;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * A supervisor on a live phone call through the running server: a caller (FastAGI, from the
 * captures) is connected to op-022; the supervisor's monitoring session in each mode rings the
 * supervisor's configured phone into {@code ChanSpy} on the operator's leg (AMI replay peer of
 * 07c), and stopping leaves the operator's leg alone.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VoiceMonitoringH2IT implements TestPropertyProvider {

  private static final Duration WITHIN = Duration.ofSeconds(20);

  @Inject
  EmbeddedServer server;

  @Inject
  AsteriskCalls calls;

  @Inject
  AsteriskAmi ami;

  private final TestHttp http = new TestHttp();
  private final int agiPort = AsteriskPeers.freePort();
  private final AmiReplayPeer peer = AmiReplayPeer.start("07c-core-restart").holdScript();

  @Override
  public Map<String, String> getProperties() {
    return AsteriskPeers.properties(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "onenumber.telephony.supervisor-device", "PJSIP/desk-{login}"), agiPort, peer);
  }

  @AfterAll
  void stopPeer() {
    peer.close();
  }

  @Test
  void aSupervisorsPhoneListensWhispersAndBargesIntoALiveCall() throws Exception {
    await().atMost(WITHIN).until(() -> ami.status().up() && !"none yet".equals(ami.lastReconcile()));
    FastAgiCaller caller = FastAgiCaller.call(InetAddress.getLoopbackAddress(), agiPort,
        FastAgiCaller.environment("PJSIP/caller-00000301", "1796162000.301", "01055500301", "ivr"))
        .press("2", "1").onDial(device -> DialOutcome.ANSWER).start();
    caller.await("EXEC StartMusicOnHold", WITHIN);
    String uniqueId = caller.environment().get("agi_uniqueid");
    await().atMost(WITHIN).until(() -> calls.all().stream().anyMatch(c -> c.uniqueId().equals(uniqueId)));
    String contact = calls.all().stream().filter(c -> c.uniqueId().equals(uniqueId)).findFirst().orElseThrow()
        .contact().value();
    String operator = http.login(server, "op-022");
    send("POST", "/api/v1/agents/op-022/login", "{\"queues\":[\"english\"]}", operator);
    caller.await("EXEC Dial PJSIP/op-022,", WITHIN);
    String sv = http.login(server, "sv-01");
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(send("GET", "/api/v1/contacts/" + contact, null, sv)
        .get("state")));
    String leg = calls.all().stream().filter(c -> c.contact().value().equals(contact)).findFirst().orElseThrow()
        .agentChannel();

    Map<String, String> options = Map.of("SILENT", ",qE", "WHISPER", ",qEw", "BARGE", ",qEB");
    int n = 0;
    for (String mode : new String[] {"SILENT", "WHISPER", "BARGE"}) {
      Map<String, Object> session = send("POST", "/api/v1/monitor/conversations/" + contact + "/session",
          "{\"mode\":\"" + mode + "\"}", sv);
      assertEquals(mode, session.get("mode"), session.toString());
      int count = ++n;
      await().atMost(WITHIN).until(() -> peer.actions("Originate").stream()
          .filter(o -> "ChanSpy".equals(o.get("application"))).count() == count);
      Map<String, String> spy = peer.actions("Originate").stream().filter(o -> "ChanSpy".equals(o.get("application")))
          .toList().get(count - 1);
      assertEquals("PJSIP/desk-sv-01", spy.get("channel"), "the configured device, never a typed number");
      assertEquals(leg + options.get(mode), spy.get("data"));
    }
    assertEquals(204, http.send(server, "DELETE", "/api/v1/monitor/conversations/" + contact + "/session", null, sv)
        .statusCode());
    assertTrue(peer.actions("Hangup").stream().noneMatch(h -> leg.equals(h.get("channel"))),
        "stopping never touches the operator's leg");

    caller.hangUp();
  }

  private Map<String, Object> send(String method, String path, String body, String token)
      throws IOException, InterruptedException {
    return AsteriskPeers.send(http, server, method, path, body, token);
  }
}
