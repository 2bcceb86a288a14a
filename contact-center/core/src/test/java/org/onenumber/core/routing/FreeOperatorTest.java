package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.directory.QueueId;

class FreeOperatorTest {

  private static final QueueId SIGN = new QueueId("sign-language-video");
  private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

  private static AgentStatus seat(String id, AgentState state, int exclusive, Instant idleSince, QueueId... queues) {
    return new AgentStatus(new AgentId(id), state, null, Set.of(queues), exclusive, 0, 3, idleSince, 0, null, null,
        List.of(), false, Map.of());
  }

  @Test
  void picksTheOperatorOfThatQueueIdleLongest() {
    var seated = List.of(seat("op-1", AgentState.AVAILABLE, 0, T0.plusSeconds(60), SIGN),
        seat("op-2", AgentState.AVAILABLE, 0, T0, SIGN),
        seat("op-3", AgentState.AVAILABLE, 0, T0.minusSeconds(600), new QueueId("general")));
    assertEquals(Optional.of(new AgentId("op-2")), FreeOperator.choose(seated, SIGN, a -> true));
  }

  @Test
  void skipsOperatorsOnAVoiceOrVideoContactOnBreakInWrapUpNotRespondingOrUnreachable() {
    var notResponding = new AgentStatus(new AgentId("op-4"), AgentState.AVAILABLE, null, Set.of(SIGN), 0, 0, 3, T0, 0,
        null, null, List.of(), true, Map.of());
    var seated = List.of(seat("op-1", AgentState.BUSY, 1, T0, SIGN), seat("op-2", AgentState.BREAK, 0, T0, SIGN),
        seat("op-3", AgentState.WRAP_UP, 0, T0, SIGN), notResponding, seat("op-5", AgentState.AVAILABLE, 0, T0, SIGN),
        seat("op-6", AgentState.BUSY, 0, T0.plusSeconds(5), SIGN));
    assertEquals(Optional.of(new AgentId("op-6")),
        FreeOperator.choose(seated, SIGN, a -> !a.value().equals("op-5")), "messaging only counts as free");
    assertEquals(Optional.empty(), FreeOperator.choose(seated, SIGN, a -> false));
    assertEquals(Optional.empty(), FreeOperator.choose(List.of(), SIGN, a -> true));
  }

  @Test
  void anUnknownIdleTimeComesLastAndTiesGoByIdSoTheChoiceIsStable() {
    var seated = List.of(seat("op-9", AgentState.AVAILABLE, 0, null, SIGN), seat("op-8", AgentState.AVAILABLE, 0, T0, SIGN),
        seat("op-7", AgentState.AVAILABLE, 0, T0, SIGN));
    assertEquals(Optional.of(new AgentId("op-7")), FreeOperator.choose(seated, SIGN, a -> true));
  }
}
