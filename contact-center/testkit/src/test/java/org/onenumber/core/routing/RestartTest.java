package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.CallbackPlaced;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.OfferTimedOut;
import org.onenumber.testkit.FakeContactJournal;

/** Restart: the engine is rebuilt from the journal's open contacts. */
class RestartTest {

  @Test
  void requeuesWaitingContactsInOrderWithTheirAgesAndCancelsOffers() {
    Routing before = new Routing();
    FakeContactJournal journal = new FakeContactJournal();
    before.configure("general", Language.KOREAN);
    ContactId first = before.arrive("general");
    before.advance(10);
    ContactId second = before.arrive("general");
    AgentId a = before.login("a", "general", Language.KOREAN);
    assertEquals(ContactState.OFFERED, before.state(first));
    for (ContactId id : List.of(first, second)) {
      journal.append(before.engine.contact(id).orElseThrow(), List.of());
    }

    before.clock.advanceSeconds(5);
    RoutingEngine after = new RoutingEngine(before.clock, new SplittableRandom(1));
    after.handle(new RoutingCommand.Configure(before.engine.configuration(new org.onenumber.core.directory.QueueId("general")).orElseThrow()));
    Decisions restored = after.restore(journal.open());
    assertEquals(ContactState.QUEUED, after.contact(first).map(Contact::state).orElseThrow());
    assertEquals(1, after.position(first).orElseThrow().position());
    assertEquals(2, after.position(second).orElseThrow().position());
    assertEquals(15, after.position(first).orElseThrow().waited().toSeconds());
    assertEquals(true, after.agent(a).isEmpty(), "agents start logged out");
    assertEquals(true, restored.contacts().stream().anyMatch(c -> c.id().equals(first)));
  }

  @Test
  void aContactWhoseCallWasLostInTheRestartIsAbandonedWithThatReason() {
    Routing before = new Routing();
    FakeContactJournal journal = new FakeContactJournal();
    before.configure("general", Language.KOREAN);
    ContactId waiting = before.arrive("general");
    journal.append(before.engine.contact(waiting).orElseThrow(), List.of());

    before.clock.advanceSeconds(5);
    RoutingEngine after = new RoutingEngine(before.clock, new SplittableRandom(1));
    after.handle(new RoutingCommand.Configure(before.engine.configuration(new org.onenumber.core.directory.QueueId("general")).orElseThrow()));
    after.restore(journal.open());
    Contact ended = after.handle(new RoutingCommand.Abandon(waiting, "call-lost-in-restart")).contacts().stream()
        .filter(c -> c.id().equals(waiting)).findFirst().orElseThrow();
    assertEquals(ContactState.ABANDONED, ended.state());
    assertEquals("call-lost-in-restart", ended.steps().get(ended.steps().size() - 1).reason());
    assertEquals("citizen-left", new RoutingCommand.Abandon(waiting).reason(), "the default reason");
  }

  @Test
  void anOfferRingingAtTheRestartIsOfferedAgainToTheSameOperatorWithItsTimeoutAgain() {
    Routing before = new Routing();
    before.configure("general", Language.KOREAN);
    AgentId a = before.login("a", "general", Language.KOREAN);
    ContactId call = before.arrive("general");
    assertEquals(a, before.agentOf(call));
    AgentId b = before.login("b", "general", Language.KOREAN);

    before.clock.advanceSeconds(5);
    RoutingEngine after = restarted(before);
    List<DomainEvent> events = new ArrayList<>(after.restore(open(before, call), sessions("b", "a")).events());
    assertEquals(ContactState.OFFERED, after.contact(call).orElseThrow().state());
    assertEquals(a, after.contact(call).orElseThrow().agent(), "the operator who was about to answer, not b who logged in first");
    List<ContactStep> steps = after.contact(call).orElseThrow().steps();
    assertEquals("restart", steps.get(steps.size() - 2).reason());
    assertEquals("restart:re-offered", steps.get(steps.size() - 1).reason());
    assertEquals(1, offers(events, call), "offered to one operator");
    assertEquals(org.onenumber.core.agent.AgentState.AVAILABLE, after.agent(b).orElseThrow().state());

    before.clock.advanceSeconds(19);
    events.addAll(after.handle(new RoutingCommand.Tick()).events());
    assertEquals(a, after.contact(call).orElseThrow().agent(), "the offer timeout counts from the new offer");
    before.clock.advanceSeconds(1);
    events.addAll(after.handle(new RoutingCommand.Tick()).events());
    assertEquals(1, events.stream().filter(OfferTimedOut.class::isInstance).count());
    assertEquals(b, after.contact(call).orElseThrow().agent(), "missed again: the next operator");
  }

  @Test
  void anOfferWhoseOperatorIsBackOnBreakOrNotBackKeepsItsPlaceAndGoesToAnother() {
    for (List<RoutingCommand> sessions : List.of(
        List.of(logIn("b", null), logIn("a", "lunch")), List.of(logIn("b", null)))) {
      Routing before = new Routing();
      before.configure("general", Language.KOREAN);
      before.login("a", "general", Language.KOREAN);
      ContactId call = before.arrive("general");
      before.clock.advanceSeconds(5);
      RoutingEngine after = restarted(before);
      Decisions restored = after.restore(open(before, call), sessions);
      assertEquals(Routing.id("b"), after.contact(call).orElseThrow().agent());
      assertEquals(1, offers(restored.events(), call), "offered to one operator");
    }
  }

  @Test
  void aCallbackWaitingForItsRetryIsPlacedAtItsTimeAfterARestartAsItsSecondAttempt() {
    Routing before = new Routing();
    QueueConfig config = before.configure(new QueueConfig(Routing.queue("general", Set.of(Language.KOREAN), List.of()),
        AgentSelection.LONGEST_IDLE, 1, Duration.ofSeconds(30), Duration.ZERO, Duration.ofSeconds(20), false, false,
        new CallbackPolicy(3, Duration.ofSeconds(60)), List.of(), BusinessCalendar.ALWAYS_OPEN, List.of()));
    ContactId call = before.arrive("general");
    before.run(new RoutingCommand.RequestCallback(call));
    AgentId a = before.login("a", "general", Language.KOREAN);
    before.run(new RoutingCommand.CallbackResult(call, false));
    before.clock.advanceSeconds(20);

    RoutingEngine after = new RoutingEngine(before.clock, new SplittableRandom(1));
    after.handle(new RoutingCommand.Configure(config));
    List<DomainEvent> events = new ArrayList<>(after.restore(open(before, call), sessions("a")).events());
    assertNull(after.contact(call).orElseThrow().agent(), "not placed before its retry time");
    before.clock.advanceSeconds(39);
    events.addAll(after.handle(new RoutingCommand.Tick()).events());
    assertNull(after.contact(call).orElseThrow().agent(), "still held back one second before");
    before.clock.advanceSeconds(1);
    events.addAll(after.handle(new RoutingCommand.Tick()).events());
    assertEquals(a, after.contact(call).orElseThrow().agent(), "placed at its time");
    List<CallbackPlaced> placed = events.stream().filter(CallbackPlaced.class::isInstance).map(CallbackPlaced.class::cast).toList();
    assertEquals(1, placed.size());
    assertEquals(2, placed.get(0).attempt(), "the attempts before the restart count");
  }

  private static RoutingEngine restarted(Routing before) {
    RoutingEngine after = new RoutingEngine(before.clock, new SplittableRandom(1));
    after.handle(new RoutingCommand.Configure(before.engine.configuration(new QueueId("general")).orElseThrow()));
    return after;
  }

  private static List<Contact> open(Routing before, ContactId... contacts) {
    FakeContactJournal journal = new FakeContactJournal();
    for (ContactId id : contacts) {
      journal.append(before.engine.contact(id).orElseThrow(), List.of());
    }
    return journal.open();
  }

  private static List<RoutingCommand> sessions(String... agents) {
    return java.util.Arrays.stream(agents).map(a -> logIn(a, null)).toList();
  }

  private static RoutingCommand logIn(String agent, String onBreak) {
    return new RoutingCommand.LogIn(Routing.agent(agent, Set.of("general"), Set.of(Language.KOREAN)), Set.of(), onBreak);
  }

  private static long offers(List<DomainEvent> events, ContactId contact) {
    return events.stream().filter(e -> e instanceof ContactStateChanged c && c.contact().equals(contact)
        && c.to() == ContactState.OFFERED).count();
  }
}
