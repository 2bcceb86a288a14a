package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.ConferenceRequested;

/** Policy case 9: transfers to a named agent or a department, and the interpreter hook. */
class TransferTest {

  private final Routing r = new Routing();

  @Test
  void transfersToANamedAgentWhoGetsItBeforeAnyoneElse() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    AgentId b = r.login("b", "general", Language.KOREAN);
    AgentId expert = Routing.id("expert");
    r.run(new RoutingCommand.Transfer(call, null, expert, null, true));
    assertNull(r.agentOf(call), "b is free but the transfer named someone else");
    r.login("expert", "general", Language.KOREAN);
    assertEquals(expert, r.agentOf(call));
    assertEquals(ContactState.OFFERED, r.state(call));
    assertEquals(true, r.engine.agent(b).isPresent());
  }

  @Test
  void transfersToADepartmentDeskAndLeavesRouting() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    r.run(new RoutingCommand.Transfer(call, null, null, new DepartmentId("water"), true));
    assertNull(r.state(call));
    var transferred = r.events(org.onenumber.core.event.ContactStateChanged.class).stream()
        .filter(e -> e.to() == ContactState.TRANSFERRED).findFirst().orElseThrow();
    assertEquals("department:water", transferred.reason());
  }

  @Test
  void asksForAnInterpreterOnACallButNotOnAChat() {
    r.configure("general", Language.KOREAN);
    AgentId a = r.login("a", "general", Language.KOREAN);
    ContactId call = r.arrive("general");
    r.accept(a, call);
    r.run(new RoutingCommand.Conference(call, "+8221200999"));
    assertEquals("+8221200999", r.events(ConferenceRequested.class).getFirst().thirdParty());
    AgentId b = r.login("b", "general", Language.KOREAN);
    ContactId chat = r.arrive("general", Channel.CHAT, Language.KOREAN, 0);
    r.accept(b, chat);
    assertThrows(InvalidInputException.class, () -> r.run(new RoutingCommand.Conference(chat, "+8221200999")));
  }
}
