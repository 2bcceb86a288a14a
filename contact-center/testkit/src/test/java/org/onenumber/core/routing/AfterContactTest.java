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
  void reportsTheWrapUpDeadlineOfEachContactInWrapUp() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    assertTrue(r.engine.agent(a).orElseThrow().wrapUpEndsAt().isEmpty(), "no deadline while connected");
    r.advance(3);
    r.run(new RoutingCommand.WrapUp(call, RoutingCommand.Outcome.RESOLVED));
    assertEquals(r.engine.now().plusSeconds(30), r.engine.agent(a).orElseThrow().wrapUpEndsAt().get(call));
    r.advance(30);
    assertTrue(r.engine.agent(a).orElseThrow().wrapUpEndsAt().isEmpty(), "closed when the deadline passed");
  }

  @Test
  void keepsNotRespondingVisibleWhileTheAgentIsBusyWithAnotherContact() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login(Routing.agent("a", java.util.Set.of("general"), java.util.Set.of(Language.KOREAN)));
    ContactId first = r.arrive("general", org.onenumber.core.contact.Channel.CHAT, Language.KOREAN, 0);
    r.accept(a, first);
    ContactId second = r.arrive("general", org.onenumber.core.contact.Channel.CHAT, Language.KOREAN, 0);
    assertEquals(a, r.agentOf(second), "a second chat is offered while the first is connected");
    r.run(new RoutingCommand.Decline(a, second, null));
    assertEquals(AgentState.BUSY, r.state(a));
    assertTrue(r.engine.agent(a).orElseThrow().notResponding(), "declined while busy: still not responding");
    r.run(new RoutingCommand.MakeAvailable(a));
    assertTrue(!r.engine.agent(a).orElseThrow().notResponding());
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
