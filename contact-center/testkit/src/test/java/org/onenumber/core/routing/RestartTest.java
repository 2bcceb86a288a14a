package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
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
}
