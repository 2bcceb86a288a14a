package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.event.RoutingStepApplied;

/** Policy case 4: steps widen who may take a contact as it waits. */
class WideningStepsTest {

  private final Routing r = new Routing();

  private void tax(QueueStep... steps) {
    r.configure(QueueConfig.defaults(Routing.queue("tax", Set.of(Language.KOREAN), List.of(SkillLevel.of("tax", 4))))
        .withSteps(List.of(steps)));
  }

  @Test
  void lowersTheRequiredSkillLevelAfterThirtySecondsWithoutWaiting() {
    tax(QueueStep.lowerSkill(Duration.ofSeconds(30), 2));
    AgentId junior = r.login("junior", "tax", Language.KOREAN, SkillLevel.of("tax", 2));
    ContactId call = r.arrive("tax", Channel.VOICE, Language.KOREAN, 0, SkillLevel.of("tax", 4));
    r.advance(29);
    assertNull(r.agentOf(call));
    r.advance(1);
    assertEquals(junior, r.agentOf(call));
    assertEquals("LOWER_SKILL", r.events(RoutingStepApplied.class).get(0).action());
  }

  @Test
  void addsAnOverflowQueueWhoseAgentsMayThenTakeTheContact() {
    tax(QueueStep.addQueues(Duration.ofSeconds(60), new QueueId("general")));
    r.configure("general", Language.KOREAN);
    AgentId generalist = r.login("g", "general", Language.KOREAN, SkillLevel.of("tax", 5));
    ContactId call = r.arrive("tax", Channel.VOICE, Language.KOREAN, 0, SkillLevel.of("tax", 4));
    r.advance(59);
    assertNull(r.agentOf(call));
    r.advance(1);
    assertEquals(generalist, r.agentOf(call));
  }

  @Test
  void fallsBackOutOfTheLineAndOffersACallbackOnTheWay() {
    tax(QueueStep.offerCallback(Duration.ofSeconds(60)), QueueStep.fallback(Duration.ofSeconds(120), "sms-self-service"));
    ContactId call = r.arrive("tax");
    r.advance(60);
    assertEquals("OFFER_CALLBACK", r.events(RoutingStepApplied.class).get(0).action());
    r.advance(60);
    assertNull(r.state(call), "no longer routed");
    var last = r.events(org.onenumber.core.event.ContactStateChanged.class).getLast();
    assertEquals(ContactState.CLOSED, last.to());
    assertEquals("fallback:sms-self-service", last.reason());
  }
}
