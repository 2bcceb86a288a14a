package org.onenumber.core.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.Skill;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

class AgentTest {

  private static Agent agent(AgentState state, String breakReason) {
    return new Agent(new AgentId("op-001"), "Kim", Set.of(SkillLevel.of("transport", 3), SkillLevel.of("tax", 1)),
        Set.of(Language.KOREAN, Language.ENGLISH), ChannelCapacity.DEFAULT, Set.of(new QueueId("general-ko")),
        state, breakReason);
  }

  private static Agent offline() {
    return agent(AgentState.OFFLINE, null);
  }

  @Test
  void movesAlongAnAllowedEdge() {
    Agent available = offline().withState(AgentState.AVAILABLE, null);
    assertEquals(AgentState.AVAILABLE, available.state());
    assertEquals(AgentState.BUSY, available.withState(AgentState.BUSY, null).state());
    assertEquals(new AgentId("op-001"), available.id());
    assertEquals(Set.of(new QueueId("general-ko")), available.queues());
  }

  @Test
  void rejectsAMoveTheStateMachineDoesNotHave() {
    IllegalTransitionException e = assertThrows(IllegalTransitionException.class,
        () -> offline().withState(AgentState.BUSY, null));
    assertEquals("illegal_transition", e.code());
    assertThrows(IllegalTransitionException.class, () -> offline().withState(AgentState.OFFLINE, null));
  }

  @Test
  void keepsTheBreakReasonOnlyOnBreak() {
    Agent onBreak = offline().withState(AgentState.AVAILABLE, "ignored").withState(AgentState.BREAK, "lunch");
    assertEquals(AgentState.BREAK, onBreak.state());
    assertEquals("lunch", onBreak.breakReason());
    Agent back = onBreak.withState(AgentState.AVAILABLE, "still lunch");
    assertNull(back.breakReason());
  }

  @Test
  void dropsABreakReasonGivenForAnyOtherState() {
    assertNull(offline().withState(AgentState.AVAILABLE, "lunch").breakReason());
    assertNull(agent(AgentState.AVAILABLE, "lunch").breakReason());
    assertEquals("training", agent(AgentState.BREAK, "training").breakReason());
  }

  @Test
  void meetsRequiredSkillsAtOrBelowItsLevels() {
    Agent agent = offline();
    assertTrue(agent.meets(Set.of()));
    assertTrue(agent.meets(Set.of(SkillLevel.of("transport", 3))));
    assertTrue(agent.meets(Set.of(SkillLevel.of("transport", 2), SkillLevel.of("tax", 1))));
  }

  @Test
  void failsRequiredSkillsAboveItsLevelOrThatItLacks() {
    Agent agent = offline();
    assertFalse(agent.meets(Set.of(SkillLevel.of("transport", 4))));
    assertFalse(agent.meets(Set.of(SkillLevel.of("transport", 1), SkillLevel.of("tax", 2))));
    assertFalse(agent.meets(Set.of(SkillLevel.of("water", 1))));
  }

  @Test
  void reportsItsLevelPerSkill() {
    assertEquals(Optional.of(3), offline().levelOf(new Skill("transport")));
    assertEquals(Optional.empty(), offline().levelOf(new Skill("water")));
  }

  @Test
  void speaksOnlyItsLanguages() {
    assertTrue(offline().speaks(Language.ENGLISH));
    assertFalse(offline().speaks(Language.KOREAN_SIGN));
  }

  @Test
  void rejectsAnAgentWithoutLanguagesOrWithASkillListedTwice() {
    assertThrows(InvalidInputException.class, () -> new Agent(new AgentId("a"), "A", Set.of(), Set.of(),
        ChannelCapacity.DEFAULT, Set.of(), AgentState.OFFLINE, null));
    assertThrows(InvalidInputException.class, () -> new Agent(new AgentId("a"), "A",
        Set.of(SkillLevel.of("tax", 1), SkillLevel.of("tax", 2)), Set.of(Language.KOREAN),
        ChannelCapacity.DEFAULT, Set.of(), AgentState.OFFLINE, null));
    assertThrows(InvalidInputException.class, () -> new Agent(new AgentId("a"), " ", Set.of(),
        Set.of(Language.KOREAN), ChannelCapacity.DEFAULT, Set.of(), AgentState.OFFLINE, null));
  }

  @Test
  void acceptsMessagingCapacityFromZeroToTwenty() {
    assertEquals(0, new ChannelCapacity(0).maxMessaging());
    assertEquals(20, new ChannelCapacity(20).maxMessaging());
    assertEquals(3, ChannelCapacity.DEFAULT.maxMessaging());
    assertThrows(InvalidInputException.class, () -> new ChannelCapacity(-1));
    assertThrows(InvalidInputException.class, () -> new ChannelCapacity(21));
  }
}
