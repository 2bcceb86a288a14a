package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.event.OfferTimedOut;

/** Policy case 5: offers ring out or are declined, and the contact keeps its place. */
class OfferTest {

  private final Routing r = new Routing();

  @Test
  void returnsARingNoAnswerContactToItsPlaceAndMarksTheAgentNotResponding() {
    r.configure("general", Language.KOREAN);
    ContactId older = r.arrive("general");
    r.advance(5);
    ContactId newer = r.arrive("general");
    AgentId a = r.login("a", "general", Language.KOREAN);
    assertEquals(a, r.agentOf(older));
    r.advance(20);
    assertEquals(1, r.events(OfferTimedOut.class).size());
    assertEquals(ContactState.QUEUED, r.state(older));
    assertEquals(AgentState.NOT_RESPONDING, r.state(a));
    AgentId b = r.login("b", "general", Language.KOREAN);
    assertEquals(b, r.agentOf(older), "the contact did not go to the back of the line");
    assertEquals(1, r.engine.position(newer).orElseThrow().position());
  }

  @Test
  void returnsADeclinedContactAndGivesItToTheNextAgent() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    r.advance(1);
    AgentId b = r.login("b", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    assertEquals(a, r.agentOf(call));
    r.run(new RoutingCommand.Decline(a, call, "wrong language"));
    assertEquals(b, r.agentOf(call));
    assertEquals(AgentState.NOT_RESPONDING, r.state(a));
    r.run(new RoutingCommand.MakeAvailable(a));
    assertEquals(AgentState.AVAILABLE, r.state(a));
  }

  @Test
  void aCallThatCouldNotBeConnectedGoesBackToItsPlaceWithoutCountingAgainstTheOperator() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    assertEquals(a, r.agentOf(call));
    r.run(new RoutingCommand.Decline(a, call, RoutingCommand.Decline.CALL_NOT_CONNECTED));
    assertEquals(ContactState.OFFERED, r.state(call), "offered again at once");
    assertEquals(a, r.agentOf(call), "the operator is still eligible, not NOT_RESPONDING");
    assertEquals(AgentState.RESERVED, r.state(a));
  }

  @Test
  void refusesToAcceptAnOfferMadeToSomeoneElse() {
    r.configure("general", Language.KOREAN);
    r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    assertThrows(IllegalTransitionException.class, () -> r.accept(Routing.id("b"), call));
  }
}
