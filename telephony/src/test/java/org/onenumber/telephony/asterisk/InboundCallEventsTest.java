package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.asterisk.AmiReplayPeer;

/**
 * The inbound scenarios 01–03 of the Asterisk 22 recordings replayed over AMI. In the recordings the
 * FastAGI script never closed the call in our registry, so each ends with the caller's final
 * {@code Hangup} finding the call still registered: that is the "session gone" case, and routing
 * gets {@code Abandon} (in the server the session's own Abandon/WrapUp comes first and the engine
 * ignores the second).
 */
class InboundCallEventsTest {

  private static final ContactId C1 = new ContactId("c1");
  private static final AgentId A1 = new AgentId("a1");

  private static AmiHarness started(String scenario, String callerChannel, String device) {
    AmiHarness h = new AmiHarness(AmiReplayPeer.start(scenario).holdScript(), true).start().awaitReady();
    h.devices.put(A1, device);
    h.calls.open(new AsteriskCalls.Call(C1, callerChannel, "u1", "u1"));
    h.peer.play();
    return h;
  }

  @Test
  void answeredCallBecomesAcceptOfTheOperatorAtTheDialedDeviceWhenDialEndAccepts() {
    try (AmiHarness h = started("01-inbound-answered", "PJSIP/caller-00000000", "PJSIP/agent-001")) {
      List<RoutingCommand> commands = h.awaitCommands(2);
      assertEquals(List.of(new RoutingCommand.Accept(A1, C1), new RoutingCommand.Abandon(C1)), commands);
      assertTrue(h.calls.byContact(C1).isEmpty());
    }
  }

  @Test
  void answeredCallOnlyRecordsTheOperatorLegWhenTheSessionReportsAnswers() {
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("01-inbound-answered").holdScript(), false).start().awaitReady()) {
      h.devices.put(A1, "PJSIP/agent-001");
      h.calls.open(new AsteriskCalls.Call(C1, "PJSIP/caller-00000000", "u1", "u1"));
      h.peer.play();
      await().atMost(Duration.ofSeconds(10)).until(() -> h.calls.byContact(C1)
          .map(c -> "PJSIP/agent-001-00000001".equals(c.agentChannel())).orElse(true));
      assertEquals(List.of(new RoutingCommand.Abandon(C1)), h.awaitCommands(1));
    }
  }

  @Test
  void callerHangingUpWhileWaitingInTheIvrGivesOnlyTheAbandon() {
    try (AmiHarness h = started("02-abandon-in-agi", "PJSIP/caller-00000002", "PJSIP/agent-001")) {
      assertEquals(List.of(new RoutingCommand.Abandon(C1)), h.awaitCommands(1));
    }
  }

  @Test
  void operatorNotAnsweringBusyOrUnreachableIsNoAcceptAndClearsTheLeg() {
    String[][] cases = {
        {"03a-agent-noanswer", "PJSIP/caller-00000003", "PJSIP/agent-002"},
        {"03b-agent-busy", "PJSIP/caller-00000005", "PJSIP/agent-003"},
        {"03c-agent-unavailable", "PJSIP/caller-00000007", "PJSIP/agent-004"}};
    for (String[] c : cases) {
      try (AmiHarness h = started(c[0], c[1], c[2])) {
        assertEquals(List.of(new RoutingCommand.Abandon(C1)), h.awaitCommands(1), c[0]);
      }
    }
  }

  @Test
  void operatorPhoneGoingUnavailablePutsTheOperatorOnBreak() {
    // Derived: no recording has an operator's phone unregistering; in 02 the caller's endpoint goes
    // INUSE then UNAVAILABLE, so here that endpoint is the operator's device.
    try (AmiHarness h = new AmiHarness(AmiReplayPeer.start("02-abandon-in-agi"), false)) {
      h.devices.put(A1, "PJSIP/caller");
      h.start();
      assertEquals(List.of(new RoutingCommand.TakeBreak(A1, OperatorPresence.REASON)), h.awaitCommands(1));
    }
  }
}
