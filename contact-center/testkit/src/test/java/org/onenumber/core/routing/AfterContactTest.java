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

  /**
   * Issue 11, session 21: the step a wrap-up or an ending writes says who made it happen, so that the
   * operator's wrap-up sent again on a queue without wrap-up time can be told from someone else's close.
   */
  @Test
  void theWrapUpAndTheClosingStepsSayWhoMadeThemHappen() {
    r.configure(QueueConfig.defaults(Routing.queue("general", java.util.Set.of(Language.KOREAN), java.util.List.of()))
        .withTimes(java.time.Duration.ZERO, java.time.Duration.ofSeconds(20)));
    r.configure("timed", Language.KOREAN);
    AgentId a = r.login(Routing.agent("a", java.util.Set.of("general", "timed"), java.util.Set.of(Language.KOREAN)));
    ContactId wrapped = r.arrive("general");
    r.accept(a, wrapped);
    assertEquals(new org.onenumber.core.contact.ContactStep(ContactState.CLOSED, r.engine.now(), null, null, "resolved",
        "a"), lastStep(r.run(new RoutingCommand.WrapUp(wrapped, RoutingCommand.Outcome.RESOLVED, "a")), wrapped),
        "no wrap-up time: closed at once, by the operator");
    ContactId closed = r.arrive("general");
    r.accept(a, closed);
    assertEquals("sv-01", lastStep(r.run(new RoutingCommand.Close(closed, RoutingCommand.Outcome.RESOLVED, "sv-01")),
        closed).by(), "a supervisor's close");
    ContactId hungUp = r.arrive("general");
    r.accept(a, hungUp);
    assertEquals(org.onenumber.core.contact.ContactStep.BY_CHANNEL,
        lastStep(r.run(new RoutingCommand.WrapUp(hungUp, RoutingCommand.Outcome.RESOLVED)), hungUp).by(),
        "a channel adapter's wrap-up (the call ended)");
    ContactId left = r.arrive("general");
    r.accept(a, left);
    assertEquals(org.onenumber.core.contact.ContactStep.BY_CHANNEL,
        lastStep(r.run(new RoutingCommand.Abandon(left)), left).by(), "the citizen left");
    ContactId timed = r.arrive("timed");
    r.accept(a, timed);
    assertEquals("a", lastStep(r.run(new RoutingCommand.WrapUp(timed, RoutingCommand.Outcome.ESCALATED, "a")), timed)
        .by(), "the WRAP_UP step");
    r.clock.advanceSeconds(30);
    org.onenumber.core.contact.ContactStep last = lastStep(r.run(new RoutingCommand.Tick()), timed);
    assertEquals(ContactState.CLOSED, last.state());
    assertEquals(org.onenumber.core.contact.ContactStep.BY_ROUTING, last.by(), "the wrap-up time ended");
  }

  private static org.onenumber.core.contact.ContactStep lastStep(Decisions decisions, ContactId contact) {
    return decisions.contacts().stream().filter(c -> c.id().equals(contact)).reduce((x, y) -> y).orElseThrow()
        .steps().getLast();
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
