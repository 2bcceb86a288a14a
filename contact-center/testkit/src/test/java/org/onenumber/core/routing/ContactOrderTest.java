package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/** Policy case 2: which contact a free agent gets. */
class ContactOrderTest {

  private final Routing r = new Routing();

  @Test
  void servesHigherPriorityBeforeLongerWaiting() {
    r.configure("general", Language.KOREAN);
    ContactId old = r.arrive("general", Channel.VOICE, Language.KOREAN, 0);
    r.advance(60);
    ContactId urgent = r.arrive("general", Channel.VOICE, Language.KOREAN, 5);
    AgentId agent = r.login("a", "general", Language.KOREAN);
    assertEquals(agent, r.agentOf(urgent));
    assertEquals(null, r.agentOf(old));
  }

  @Test
  void servesTheLongestWaitingAcrossEveryQueueTheAgentServes() {
    r.configure("general", Language.KOREAN);
    r.configure("water", Language.KOREAN);
    ContactId water = r.arrive("water");
    r.advance(10);
    r.arrive("general");
    AgentId agent = r.login(Routing.agent("a", Set.of("general", "water"), Set.of(Language.KOREAN)));
    assertEquals(agent, r.agentOf(water));
  }

  @Test
  void letsAQueueWeightOutrankPlainWaitingTime() {
    r.configure("general", Language.KOREAN);
    r.configure(QueueConfig.defaults(Routing.queue("vip", Set.of(Language.KOREAN), List.of())).withMessaging(false, 3));
    r.arrive("general");
    r.advance(20);
    ContactId vip = r.arrive("vip");
    r.advance(15);
    AgentId agent = r.login(Routing.agent("a", Set.of("general", "vip"), Set.of(Language.KOREAN)));
    assertEquals(agent, r.agentOf(vip), "15 s x weight 3 beats 35 s x weight 1");
  }

  @Test
  void keepsTheOriginalAgeOfATransferredContact() {
    r.configure("general", Language.KOREAN);
    r.configure("tax", Language.KOREAN);
    ContactId first = r.arrive("general");
    AgentId a = r.login("a", "general", Language.KOREAN);
    r.accept(a, first);
    r.advance(30);
    ContactId waitingInTax = r.arrive("tax");
    r.run(new RoutingCommand.Transfer(first, new QueueId("tax"), null, null, true));
    AgentId b = r.login("b", "tax", Language.KOREAN);
    assertEquals(b, r.agentOf(first), "the transferred contact is 30 s older");
    assertEquals(null, r.agentOf(waitingInTax));
  }
}
