package org.onenumber.telephony.asterisk;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CallMonitoring.Mode;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * A supervisor's phone on a live call, against recording 05a (caller and operator bridged, the
 * recording waits): the {@code Originate} of the supervisor's device into {@code ChanSpy} on the
 * operator's leg is derived from the recorded Originates of 04a/05b (there is no ChanSpy recording).
 */
class CallMonitoringReplayTest {

  private static final ContactId C1 = new ContactId("c1");
  private static final String AGENT_LEG = "PJSIP/agent-001-0000000d";

  private AmiHarness bridged() {
    AmiHarness h = new AmiHarness(AmiReplayPeer.start("05a-redirect-blind-transfer").holdScript(), false).start()
        .awaitReady();
    h.calls.open(new AsteriskCalls.Call(C1, "PJSIP/caller-0000000c", "u1", "u1"));
    h.peer.play();
    await().atMost(Duration.ofSeconds(10)).until(() -> h.calls.byContact(C1)
        .map(c -> AGENT_LEG.equals(c.agentChannel())).orElse(false));
    return h;
  }

  @Test
  void eachModeRingsTheSupervisorsPhoneIntoChanSpyOnTheOperatorsLeg() {
    try (AmiHarness h = bridged()) {
      Map<Mode, String> options = Map.of(Mode.LISTEN, ",qE", Mode.WHISPER, ",qEw", Mode.BARGE, ",qEB");
      int sent = 0;
      for (Mode mode : Mode.values()) {
        assertTrue(h.ami.callMonitoring().monitor(C1, "PJSIP/sv-01", mode));
        int n = ++sent;
        await().atMost(Duration.ofSeconds(10)).until(() -> h.peer.actions("Originate").size() == n);
        Map<String, String> originate = h.peer.actions("Originate").get(n - 1);
        assertEquals("PJSIP/sv-01", originate.get("Channel"));
        assertEquals("ChanSpy", originate.get("Application"));
        assertEquals(AGENT_LEG + options.get(mode), originate.get("Data"), mode.name());
        assertEquals("true", originate.get("Async"));
      }
    }
  }

  @Test
  void aCallWithoutAnOperatorLegOrNotCarriedHereCannotBeMonitored() {
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("05a-redirect-blind-transfer").holdScript(), false).start()
        .awaitReady()) {
      assertFalse(h.ami.callMonitoring().monitor(new ContactId("elsewhere"), "PJSIP/sv-01", Mode.LISTEN));
      h.calls.open(new AsteriskCalls.Call(C1, "PJSIP/caller-0000000c", "u1", "u1"));
      assertFalse(h.ami.callMonitoring().monitor(C1, "PJSIP/sv-01", Mode.LISTEN), "still in the IVR: no operator");
    }
  }
}
