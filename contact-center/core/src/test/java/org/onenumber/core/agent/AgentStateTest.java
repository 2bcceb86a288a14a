package org.onenumber.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class AgentStateTest {

  @Test
  void neverMovesToTheStateItIsIn() {
    for (AgentState state : AgentState.values()) {
      assertFalse(state.canMoveTo(state), state.name());
      assertFalse(state.successors().contains(state), state.name());
    }
  }

  @Test
  void everyStateCanGoOfflineExceptOffline() {
    for (AgentState state : AgentState.values()) {
      assertEquals(state != AgentState.OFFLINE, state.canMoveTo(AgentState.OFFLINE), state.name());
    }
  }

  @Test
  void everyStateCanBecomeAvailable() {
    for (AgentState state : AgentState.values()) {
      if (state != AgentState.AVAILABLE) {
        assertTrue(state.canMoveTo(AgentState.AVAILABLE), state.name());
      }
    }
  }

  @Test
  void onlyAnOfferCanTimeOutIntoNotResponding() {
    for (AgentState state : AgentState.values()) {
      assertEquals(state == AgentState.RESERVED, state.canMoveTo(AgentState.NOT_RESPONDING), state.name());
    }
  }

  @Test
  void cannotBeReservedWhileOfflineOnBreakOrNotResponding() {
    assertFalse(AgentState.OFFLINE.canMoveTo(AgentState.RESERVED));
    assertFalse(AgentState.BREAK.canMoveTo(AgentState.RESERVED));
    assertFalse(AgentState.NOT_RESPONDING.canMoveTo(AgentState.RESERVED));
    assertTrue(AgentState.AVAILABLE.canMoveTo(AgentState.RESERVED));
    assertTrue(AgentState.BUSY.canMoveTo(AgentState.RESERVED));
  }

  @Test
  void takesABreakOnlyFromIdleStates() {
    EnumSet<AgentState> canBreak = EnumSet.noneOf(AgentState.class);
    for (AgentState state : AgentState.values()) {
      if (state.canMoveTo(AgentState.BREAK)) {
        canBreak.add(state);
      }
    }
    assertEquals(EnumSet.of(AgentState.OFFLINE, AgentState.AVAILABLE, AgentState.WRAP_UP,
        AgentState.NOT_RESPONDING), canBreak);
  }
}
