package org.onenumber.server.telephony;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.testkit.FastAgiCaller;

/**
 * A supervisor on a live phone call through the running server: a caller (FastAGI, from the
 * captures) is connected to op-022; the supervisor's monitoring session in each mode rings the
 * supervisor's configured phone into {@code ChanSpy} on the operator's leg (AMI replay peer of
 * 07c), and stopping leaves the operator's leg alone.
 */
@MicronautTest
class VoiceMonitoringH2IT extends AsteriskPeerTestBase {

  @Override
  Map<String, String> database() {
    return Map.of("datasources.default.url", TestDatabases.h2Url(),
        "onenumber.telephony.supervisor-device", "PJSIP/desk-{login}");
  }

  @Test
  void aSupervisorsPhoneListensWhispersAndBargesIntoALiveCall() throws Exception {
    awaitAmiReady();
    FastAgiCaller caller = caller("PJSIP/caller-00000301", "1796162000.301", "01055500301");
    String contact = waitingContact(caller);
    String operator = http.login(server, "op-022");
    logInToEnglish("op-022", operator);
    caller.await("EXEC Dial PJSIP/op-022,", WITHIN);
    String sv = http.login(server, "sv-01");
    await().atMost(WITHIN).until(() -> "CONNECTED".equals(send("GET", "/api/v1/contacts/" + contact, null, sv)
        .get("state")));
    String leg = agentChannel(contact);

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
}
