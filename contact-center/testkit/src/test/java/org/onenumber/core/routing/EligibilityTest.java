package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.SkillLevel;

/** Policy case 1: who may be offered what. */
class EligibilityTest {

  private final Routing r = new Routing();

  @Test
  void offersOnlyToAnAgentWithEverySkillAtTheRequiredLevel() {
    r.configure("tax", Language.KOREAN);
    AgentId novice = r.login("novice", "tax", Language.KOREAN, SkillLevel.of("tax", 2));
    ContactId call = r.arrive("tax", Channel.VOICE, Language.KOREAN, 0, SkillLevel.of("tax", 3));
    assertNull(r.agentOf(call));
    AgentId expert = r.login("expert", "tax", Language.KOREAN, SkillLevel.of("tax", 4));
    assertEquals(expert, r.agentOf(call));
    assertEquals(ContactState.OFFERED, r.state(call));
    assertEquals(org.onenumber.core.agent.AgentState.AVAILABLE, r.state(novice));
  }

  @Test
  void offersASignLanguageVideoCallOnlyToASigningAgent() {
    r.configure("general", Language.KOREAN, Language.KOREAN_SIGN);
    r.login("speaker", "general", Language.KOREAN);
    ContactId video = r.arrive("general", Channel.VIDEO, Language.KOREAN_SIGN, 0);
    assertNull(r.agentOf(video));
    AgentId signer = r.login(Routing.agent("signer", Set.of("general"), Set.of(Language.KOREAN, Language.KOREAN_SIGN)));
    assertEquals(signer, r.agentOf(video));
  }

  @Test
  void doesNotOfferToAnAgentNotLoggedInToTheContactsQueue() {
    r.configure("general", Language.KOREAN);
    r.configure("water", Language.KOREAN);
    r.login("waterman", "water", Language.KOREAN);
    ContactId call = r.arrive("general");
    assertNull(r.agentOf(call));
  }

  @Test
  void givesAMessagingAgentUpToTheirCapacityOfChatsButNoCallWhileChatting() {
    r.configure("general", Language.KOREAN);
    AgentId agent = r.login("chatter", "general", Language.KOREAN);
    for (int i = 0; i < 4; i++) {
      ContactId chat = r.arrive("general", Channel.CHAT, Language.KOREAN, 0);
      if (i < 3) {
        assertEquals(agent, r.agentOf(chat));
        r.accept(agent, chat);
      } else {
        assertNull(r.agentOf(chat), "the fourth chat exceeds the default capacity of 3");
      }
    }
    ContactId call = r.arrive("general");
    assertNull(r.agentOf(call));
    assertEquals(3, r.engine.agent(agent).orElseThrow().messagingInUse());
  }

  @Test
  void offersChatsDuringACallOnlyWhenTheQueueAllowsMessagingDuringVoice() {
    r.configure("strict", Language.KOREAN);
    r.configure(QueueConfig.defaults(Routing.queue("relaxed", Set.of(Language.KOREAN), List.of())).withMessaging(true, 1));
    AgentId agent = r.login(Routing.agent("a", Set.of("strict", "relaxed"), Set.of(Language.KOREAN)));
    ContactId call = r.arrive("strict");
    r.accept(agent, call);
    ContactId strictChat = r.arrive("strict", Channel.CHAT, Language.KOREAN, 0);
    ContactId relaxedChat = r.arrive("relaxed", Channel.SMS, Language.KOREAN, 0);
    assertNull(r.agentOf(strictChat));
    assertEquals(agent, r.agentOf(relaxedChat));
  }

  @Test
  void offersNothingToAnAgentOnBreak() {
    r.configure("general", Language.KOREAN);
    AgentId agent = r.login("a", "general", Language.KOREAN);
    r.run(new RoutingCommand.TakeBreak(agent, "lunch"));
    ContactId call = r.arrive("general");
    assertNull(r.agentOf(call));
    r.run(new RoutingCommand.MakeAvailable(agent));
    assertEquals(agent, r.agentOf(call));
  }
}
