package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.AgentStateChanged;

/** Policy case 6: wrap-up, breaks, logout. */
class AfterContactTest {

  private final Routing r = new Routing();

  @Test
  void makesTheAgentAvailableWhenTheWrapUpTimerEnds() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    r.run(new RoutingCommand.WrapUp(call, RoutingCommand.Outcome.RESOLVED));
    assertEquals(AgentState.WRAP_UP, r.state(a));
    ContactId next = r.arrive("general");
    r.advance(29);
    assertNull(r.agentOf(next));
    r.advance(1);
    assertEquals(a, r.agentOf(next));
    var closed = r.events(org.onenumber.core.event.ContactStateChanged.class).stream()
        .filter(e -> e.contact().equals(call) && e.to() == ContactState.CLOSED).findFirst().orElseThrow();
    assertEquals("resolved", closed.reason());
  }

  @Test
  void refusesASecondWrapUpAndKeepsTheFirstOne() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    r.run(new RoutingCommand.WrapUp(call, RoutingCommand.Outcome.RESOLVED));
    org.junit.jupiter.api.Assertions.assertThrows(org.onenumber.core.error.IllegalTransitionException.class,
        () -> r.run(new RoutingCommand.WrapUp(call, RoutingCommand.Outcome.ESCALATED)));
    r.advance(30);
    assertEquals(AgentState.AVAILABLE, r.state(a), "one wrap-up counted, the agent is free when it ends");
  }

  @Test
  void reportsTheBreakReason() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    r.run(new RoutingCommand.TakeBreak(a, "training"));
    AgentStateChanged last = r.events(AgentStateChanged.class).getLast();
    assertEquals(AgentState.BREAK, last.to());
    assertEquals("training", last.reason());
  }

  @Test
  void refusesLogoutWithOpenContactsUnlessAskedToTransferThem() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    assertTrue(r.run(new RoutingCommand.LogOut(a, false)).isRefused());
    assertEquals(AgentState.BUSY, r.state(a));
    r.run(new RoutingCommand.LogOut(a, true));
    assertEquals(AgentState.OFFLINE, r.state(a));
    assertEquals(ContactState.QUEUED, r.state(call));
  }
}
