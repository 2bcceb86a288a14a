package org.onenumber.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.SkillLevel;

/** Policy case 3: which agent a contact gets, per queue strategy. */
class AgentSelectionTest {

  private final Routing r = new Routing();

  private QueueConfig queue(AgentSelection selection) {
    return r.configure(QueueConfig.defaults(Routing.queue("q", Set.of(Language.KOREAN), List.of()))
        .withSelection(selection).withTimes(java.time.Duration.ofSeconds(10), java.time.Duration.ofSeconds(20)));
  }

  private void handle(AgentId agent, long talkSeconds) {
    ContactId call = r.arrive("q");
    assertEquals(agent, r.agentOf(call));
    r.accept(agent, call);
    r.advance(talkSeconds);
    r.run(new RoutingCommand.WrapUp(call, RoutingCommand.Outcome.RESOLVED));
  }

  @Test
  void assignsTheAgentIdleLongestCountingFromTheEndOfWrapUp() {
    queue(AgentSelection.LONGEST_IDLE);
    AgentId a = r.login("a", "q", Language.KOREAN);
    r.advance(1);
    AgentId b = r.login("b", "q", Language.KOREAN);
    handle(a, 5);
    r.advance(10);
    assertEquals(b, r.agentOf(r.arrive("q")), "a's idle time restarted when a's wrap-up ended");
  }

  @Test
  void rotatesRoundRobinByWhoWasOfferedLastNotByWhoFinishedFirst() {
    queue(AgentSelection.ROUND_ROBIN);
    AgentId a = r.login("a", "q", Language.KOREAN);
    AgentId b = r.login("b", "q", Language.KOREAN);
    ContactId first = r.arrive("q");
    r.accept(a, first);
    ContactId second = r.arrive("q");
    assertEquals(b, r.agentOf(second));
    r.accept(b, second);
    r.run(new RoutingCommand.Close(second, RoutingCommand.Outcome.RESOLVED));
    r.advance(20);
    r.run(new RoutingCommand.Close(first, RoutingCommand.Outcome.RESOLVED));
    assertEquals(a, r.agentOf(r.arrive("q")), "a was offered longest ago although b is idle longer");
  }

  @Test
  void prefersTheAgentWithFewestContactsToday() {
    queue(AgentSelection.FEWEST_CONTACTS);
    AgentId a = r.login("a", "q", Language.KOREAN);
    handle(a, 1);
    r.advance(30);
    AgentId b = r.login("b", "q", Language.KOREAN);
    assertEquals(b, r.agentOf(r.arrive("q")), "b has 0 contacts today even though a was idle longer");
  }

  @Test
  void startsCountingContactsAgainEachDay() {
    queue(AgentSelection.FEWEST_CONTACTS);
    AgentId a = r.login("a", "q", Language.KOREAN);
    handle(a, 1);
    r.advance(30);
    r.login("b", "q", Language.KOREAN);
    r.clock.advance(java.time.Duration.ofDays(1));
    assertEquals(a, r.agentOf(r.arrive("q")), "a new day: both at 0 contacts, a idle longer");
  }

  @Test
  void prefersTheBestSkillMatch() {
    queue(AgentSelection.BEST_SKILL);
    r.login("good", "q", Language.KOREAN, SkillLevel.of("tax", 3));
    AgentId best = r.login("best", "q", Language.KOREAN, SkillLevel.of("tax", 5));
    ContactId call = r.arrive("q", Channel.VOICE, Language.KOREAN, 0, SkillLevel.of("tax", 2));
    assertEquals(best, r.agentOf(call));
  }

  @Test
  void keepsAReturningCitizenForTheirLastAgentUntilTheStickyTimeout() {
    queue(AgentSelection.STICKY);
    AgentId a = r.login("a", "q", Language.KOREAN);
    Contact first = r.contact("q", Channel.VOICE, Language.KOREAN, 0);
    r.arrive(first);
    r.accept(a, first.id());
    AgentId b = r.login("b", "q", Language.KOREAN);
    Contact again = new Contact(new org.onenumber.core.contact.ContactId("again"), Channel.VOICE, first.citizen(),
        Language.KOREAN, Set.of(), 0, first.queue(), null, "again", List.of(
            new org.onenumber.core.contact.ContactStep(org.onenumber.core.contact.ContactState.CREATED, r.clock.instant(), null, null, null),
            new org.onenumber.core.contact.ContactStep(org.onenumber.core.contact.ContactState.QUEUED, r.clock.instant(), null, first.queue(), "intake")));
    r.arrive(again);
    assertEquals(null, r.agentOf(again.id()), "waits for a although b is free");
    r.advance(30);
    assertEquals(b, r.agentOf(again.id()), "after the sticky timeout anyone eligible may take it");
  }
}
