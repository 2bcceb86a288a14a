package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.testkit.FakeContactJournal;

/** Policy case 11: hold and resume a connected call. */
class HoldTest {

  private final Routing r = new Routing();

  private ContactId connectedCall(AgentId agent) {
    ContactId call = r.arrive("general");
    r.accept(agent, call);
    return call;
  }

  /** Agent {@code a} in queue {@code general} with a call on hold. */
  private ContactId heldCall() {
    r.configure("general", Language.KOREAN);
    ContactId call = connectedCall(r.login("a", "general", Language.KOREAN));
    r.run(new RoutingCommand.Hold(call));
    return call;
  }

  @Test
  void holdsAndResumesAConnectedCallJournalingBothSteps() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = connectedCall(a);
    r.advance(20);
    r.run(new RoutingCommand.Hold(call));
    assertEquals(ContactState.HELD, r.state(call));
    assertEquals(a, r.agentOf(call), "a held call stays with its agent");
    r.advance(5);
    r.run(new RoutingCommand.Resume(call));
    assertEquals(ContactState.CONNECTED, r.state(call));
    List<ContactStateChanged> steps = r.events(ContactStateChanged.class).stream()
        .filter(e -> e.from() == ContactState.HELD || e.to() == ContactState.HELD).toList();
    assertEquals(2, steps.size());
    assertEquals("hold", steps.get(0).reason());
    assertEquals(a, steps.get(0).agent());
    assertEquals(ContactState.CONNECTED, steps.get(1).to());
    assertEquals(5, java.time.Duration.between(steps.get(0).at(), steps.get(1).at()).toSeconds());
  }

  @Test
  void keepsTheAgentBusyWhileTheCallIsHeld() {
    ContactId call = heldCall();
    AgentId a = Routing.id("a");
    ContactId next = r.arrive("general");
    assertEquals(AgentState.BUSY, r.state(a));
    assertNull(r.agentOf(next), "no offer to an agent whose call is on hold");
    r.run(new RoutingCommand.Close(call, RoutingCommand.Outcome.RESOLVED));
    assertEquals(a, r.agentOf(next));
  }

  @Test
  void refusesToHoldAnythingButAConnectedCallAndToResumeAnythingButAHeldOne() {
    r.configure("general", Language.KOREAN);
    ContactId waiting = r.arrive("general");
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Hold(waiting)));
    AgentId a = r.login("a", "general", Language.KOREAN);
    assertEquals(ContactState.OFFERED, r.state(waiting));
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Hold(waiting)));
    r.accept(a, waiting);
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Resume(waiting)));
    r.run(new RoutingCommand.Hold(waiting));
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Hold(waiting)));
    AgentId b = r.login("b", "general", Language.KOREAN);
    ContactId chat = r.arrive("general", Channel.CHAT, Language.KOREAN, 0);
    r.accept(b, chat);
    assertThrows(InvalidInputException.class, () -> r.run(new RoutingCommand.Hold(chat)));
    assertEquals(ContactState.CONNECTED, r.state(chat));
  }

  @Test
  void transfersAHeldCallToAnotherQueue() {
    ContactId call = heldCall();
    r.configure("tax", Language.KOREAN);
    r.run(new RoutingCommand.Transfer(call, new QueueId("tax"), null, null, true));
    assertEquals(ContactState.QUEUED, r.state(call));
    assertEquals(AgentState.AVAILABLE, r.state(Routing.id("a")));
  }

  @Test
  void closesAHeldCallWhenTheCallerHangsUpOnHold() {
    ContactId call = heldCall();
    r.run(new RoutingCommand.Abandon(call));
    assertNull(r.state(call));
    ContactStateChanged last = r.events(ContactStateChanged.class).getLast();
    assertEquals(ContactState.HELD, last.from());
    assertEquals(ContactState.CLOSED, last.to());
    assertEquals(AgentState.AVAILABLE, r.state(Routing.id("a")));
  }

  @Test
  void wrapsUpAHeldCall() {
    ContactId call = heldCall();
    r.run(new RoutingCommand.WrapUp(call, RoutingCommand.Outcome.RESOLVED));
    assertEquals(ContactState.WRAP_UP, r.state(call));
    assertEquals(AgentState.WRAP_UP, r.state(Routing.id("a")));
  }

  @Test
  void aHeldCallSurvivesARestartAndCanBeResumedAfterTheAgentLogsInAgain() {
    ContactId call = heldCall();
    FakeContactJournal journal = new FakeContactJournal();
    journal.append(r.engine.contact(call).orElseThrow(), List.of());
    RoutingEngine after = new RoutingEngine(r.clock, new SplittableRandom(1));
    after.handle(new RoutingCommand.Configure(r.engine.configuration(new QueueId("general")).orElseThrow()));
    after.restore(journal.open());
    after.handle(new RoutingCommand.LogIn(Routing.agent("a", java.util.Set.of("general"),
        java.util.Set.of(Language.KOREAN)), java.util.Set.of(), null));
    assertEquals(AgentState.BUSY, after.agent(Routing.id("a")).orElseThrow().state());
    after.handle(new RoutingCommand.Resume(call));
    assertEquals(ContactState.CONNECTED, after.contact(call).map(Contact::state).orElseThrow());
  }
}
