package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/** Queued callbacks through AMI Originate, against the Originate recordings 04a–d. */
class CallbackDialsTest {

  private static final ContactId C1 = new ContactId("c1");
  private static final AgentId A1 = new AgentId("a1");
  private static final CitizenIdentity.Phone CITIZEN = new CitizenIdentity.Phone("+5550100");

  private static AmiHarness callback(String scenario, String device) {
    AmiHarness h = new AmiHarness(AmiReplayPeer.start(scenario), false);
    h.devices.put(A1, device);
    h.start().awaitReady();
    h.ami.callControl().placeCallback(C1, CITIZEN, A1);
    return h;
  }

  @Test
  void answeredCallbackIsReportedAnsweredAndItsHangUpWrapsUp() {
    try (AmiHarness h = callback("04a-originate-answered", "PJSIP/agent-001")) {
      Map<String, String> originate = h.awaitAction("Originate");
      assertEquals("PJSIP/agent-001", originate.get("Channel"));
      assertEquals("onenumber-callback", originate.get("Context"));
      assertEquals("5550100", originate.get("Exten"));
      assertEquals("true", originate.get("Async"));
      assertEquals(List.of(new RoutingCommand.CallbackResult(C1, true)), h.awaitCommands(1));
      assertEquals(true, h.ami.callControl().carries(C1));
      h.ami.callControl().hangUp(C1);
      assertEquals("PJSIP/agent-001-00000008", h.awaitAction("Hangup").get("Channel"));
      assertEquals(List.of(new RoutingCommand.CallbackResult(C1, true),
          new RoutingCommand.WrapUp(C1, RoutingCommand.Outcome.RESOLVED)), h.awaitCommands(2));
    }
  }

  @Test
  void operatorNotAnsweringBusyOrUnreachableIsACallbackNotAnswered() {
    String[][] cases = {
        {"04b-originate-noanswer", "PJSIP/agent-002"},
        {"04c-originate-busy", "PJSIP/agent-003"},
        {"04d-originate-unavailable", "PJSIP/agent-004"}};
    for (String[] c : cases) {
      try (AmiHarness h = callback(c[0], c[1])) {
        assertEquals(List.of(new RoutingCommand.CallbackResult(C1, false)), h.awaitCommands(1), c[0]);
      }
    }
  }

  @Test
  void operatorWithoutADeviceIsACallbackNotAnsweredWithoutDialing() {
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("04a-originate-answered"), false).start().awaitReady()) {
      h.ami.callControl().placeCallback(C1, CITIZEN, A1);
      assertEquals(List.of(new RoutingCommand.CallbackResult(C1, false)), h.awaitCommands(1));
      assertEquals(List.of(), h.peer.actions("Originate"));
    }
  }
}
