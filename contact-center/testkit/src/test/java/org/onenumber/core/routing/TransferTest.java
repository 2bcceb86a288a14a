package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
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

  @Test
  void aContactTransferredIntoABusierQueueTakesItsPriorityAndKeepsItsWait() {
    r.configure("messaging", Language.KOREAN);
    configureEnglishAtPriorityFive();
    AgentId a = r.login("a", "messaging", Language.KOREAN);
    ContactId handed = r.arrive("messaging");
    r.accept(a, handed);
    r.advance(30);
    ContactId newcomer = r.arrive("english", Channel.VOICE, Language.KOREAN, 5);
    r.run(new RoutingCommand.Transfer(handed, new QueueId("english"), null, null, true));
    AgentId b = r.login("b", "english", Language.KOREAN);
    assertEquals(b, r.agentOf(handed), "the older contact first: it waits at english's priority, not messaging's 0");
    assertNull(r.agentOf(newcomer));
  }

  @Test
  void aContactHandedOverFromAnotherPartitionTakesItsNewQueuesPriority() {
    configureEnglishAtPriorityFive();
    Contact first = r.contact("messaging", Channel.SMS, Language.KOREAN, 0);
    r.advance(30);
    QueueId english = new QueueId("english");
    Contact handedOver = first // as another partition's engine journaled it
        .moveTo(new ContactStep(ContactState.TRANSFERRED, r.clock.instant(), null, english, "queue:english"))
        .moveTo(new ContactStep(ContactState.QUEUED, r.clock.instant(), null, english, "transfer"));
    ContactId newcomer = r.arrive("english", Channel.SMS, Language.KOREAN, 5);
    r.arrive(handedOver);
    AgentId b = r.login("b", "english", Language.KOREAN);
    assertEquals(b, r.agentOf(handedOver.id()), "the handed-over contact, older, first");
    assertNull(r.agentOf(newcomer));
  }

  private void configureEnglishAtPriorityFive() {
    r.configure(QueueConfig.defaults(new Queue(new QueueId("english"), "english", Set.of(Language.KOREAN),
        Set.of(Channel.values()), List.of(), 5, Duration.ofSeconds(20))));
  }
}
