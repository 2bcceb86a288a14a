package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.testkit.FakeAgentDevices;

class OperatorPresenceTest {

  private static final AgentId A1 = new AgentId("a1");

  @Test
  void unreachablePhonePausesOnceAndItsReturnMakesTheOperatorAvailableOnce() {
    RecordingRoutes routing = new RecordingRoutes();
    OperatorPresence presence = new OperatorPresence(new FakeAgentDevices().put(A1, "PJSIP/op-001"), routing);
    presence.changed("PJSIP/op-001", "INUSE");
    presence.changed("PJSIP/op-001", "UNAVAILABLE");
    presence.changed("PJSIP/op-001", "INVALID");
    presence.changed("PJSIP/op-001", "NOT_INUSE");
    presence.changed("PJSIP/op-001", "INUSE");
    presence.changed("PJSIP/somebody-else", "UNAVAILABLE");
    assertEquals(List.of(new RoutingCommand.TakeBreak(A1, OperatorPresence.REASON), new RoutingCommand.MakeAvailable(A1)), routing.commands());
  }
}
