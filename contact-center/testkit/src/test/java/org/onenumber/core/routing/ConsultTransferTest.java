package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.event.ContactStateChanged;

/** Policy case 11's consult (attended) transfer: hold while consulting, then hand over or resume. */
class ConsultTransferTest {

  private final Routing r = new Routing();

  /** Agent {@code a} with a connected call in {@code general}; agent {@code b} logged in to {@code other}. */
  private ContactId connectedCall() {
    r.configure("general", Language.KOREAN);
    r.configure("other", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    r.login("b", "other", Language.KOREAN);
    return call;
  }

  @Test
  void aCompletedConsultHandsTheHeldCallToTheConsultedAgentJournaledWithItsHoldTime() {
    ContactId call = connectedCall();
    r.advance(10);
    r.run(new RoutingCommand.Consult(call, "agent:b"));
    assertEquals(ContactState.HELD, r.state(call));
    r.advance(7);
    r.run(new RoutingCommand.Handover(call, Routing.id("b")));
    assertEquals(ContactState.CONNECTED, r.state(call));
    assertEquals(Routing.id("b"), r.agentOf(call));
    assertEquals(AgentState.BUSY, r.state(Routing.id("b")));
    assertEquals(AgentState.AVAILABLE, r.state(Routing.id("a")), "the first agent is free at once");
    List<ContactStateChanged> steps = r.events(ContactStateChanged.class).stream()
        .filter(e -> e.contact().equals(call)).toList();
    ContactStateChanged held = steps.get(steps.size() - 2);
    ContactStateChanged handed = steps.getLast();
    assertEquals("consult:agent:b", held.reason());
    assertEquals(Routing.id("a"), held.agent());
    assertEquals(ContactState.HELD, handed.from());
    assertEquals(ContactState.CONNECTED, handed.to());
    assertEquals(Routing.id("b"), handed.agent());
    assertEquals("consult-transfer:a", handed.reason());
    assertEquals(Duration.ofSeconds(7), Duration.between(held.at(), handed.at()), "the consult is hold time");

    r.run(new RoutingCommand.Close(call, RoutingCommand.Outcome.RESOLVED));
    assertNull(r.state(call));
    assertEquals(AgentState.AVAILABLE, r.state(Routing.id("b")));
  }

  @Test
  void aCancelledConsultResumesTheCallWithTheFirstAgent() {
    ContactId call = connectedCall();
    r.run(new RoutingCommand.Consult(call, "department:transport"));
    r.run(new RoutingCommand.Resume(call));
    assertEquals(ContactState.CONNECTED, r.state(call));
    assertEquals(Routing.id("a"), r.agentOf(call));
  }

  @Test
  void aHandoverNeedsAHeldCallAndAnotherLoggedInAgentWithNoCallOrOffer() {
    ContactId call = connectedCall();
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Handover(call, Routing.id("b"))),
        "not held");
    r.run(new RoutingCommand.Consult(call, "agent:b"));
    assertThrows(NotFoundException.class, () -> r.run(new RoutingCommand.Handover(call, Routing.id("nobody"))));
    assertThrows(InvalidInputException.class, () -> r.run(new RoutingCommand.Handover(call, Routing.id("a"))));
    assertEquals(ContactState.HELD, r.state(call), "nothing changed");
    assertEquals(Routing.id("a"), r.agentOf(call));
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Consult(call, "agent:b")),
        "a held call is not consulted twice");
  }

  @Test
  void theConsultedAgentIsReservedDuringTheConsultSoTheHandoverNeverFindsThemBusy() {
    ContactId call = connectedCall();
    r.run(new RoutingCommand.Consult(call, "agent:b"));
    assertEquals(AgentState.BUSY, r.state(Routing.id("b")), "talking on the consult leg");
    ContactId other = r.arrive("other");
    assertNull(r.agentOf(other), "no offer reaches b during the consult");
    r.run(new RoutingCommand.Handover(call, Routing.id("b")));
    assertEquals(Routing.id("b"), r.agentOf(call));
    assertNull(r.agentOf(other), "b now has the call");
    r.run(new RoutingCommand.Close(call, RoutingCommand.Outcome.RESOLVED));
    assertEquals(Routing.id("b"), r.agentOf(other), "free again: offered the waiting call");
  }

  @Test
  void aCancelledConsultFreesTheConsultedAgentAndABusyAgentCannotBeConsulted() {
    ContactId call = connectedCall();
    r.run(new RoutingCommand.Consult(call, "agent:b"));
    r.run(new RoutingCommand.Resume(call));
    assertEquals(AgentState.AVAILABLE, r.state(Routing.id("b")));
    ContactId other = r.arrive("other");
    assertEquals(Routing.id("b"), r.agentOf(other), "offered as soon as the consult ended");
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Consult(call, "agent:b")),
        "b has an offer: refused before the call is held");
    assertEquals(ContactState.CONNECTED, r.state(call));
    assertThrows(IllegalTransitionException.class, () -> r.run(new RoutingCommand.Consult(call, "agent:nobody")),
        "an operator who is not logged in cannot be consulted (nor handed the call)");
  }

  @Test
  void theCallerHangingUpDuringAConsultFreesTheConsultedAgent() {
    ContactId call = connectedCall();
    r.run(new RoutingCommand.Consult(call, "agent:b"));
    r.run(new RoutingCommand.Abandon(call));
    assertEquals(AgentState.AVAILABLE, r.state(Routing.id("b")));
  }
}
