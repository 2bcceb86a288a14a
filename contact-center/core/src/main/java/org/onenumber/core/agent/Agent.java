package org.onenumber.core.agent;

import java.util.Optional;
import java.util.Set;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.directory.Skill;
import org.onenumber.core.directory.SkillLevel;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

/**
 * An operator: who they are, what they can answer, and their current state. Immutable.
 *
 * @param queues the queues the agent serves when logged in
 * @param breakReason why the agent is on break (lunch, training, ...); null unless {@code BREAK}
 */
public record Agent(
    AgentId id,
    String name,
    Set<SkillLevel> skills,
    Set<Language> languages,
    ChannelCapacity capacity,
    Set<QueueId> queues,
    AgentState state,
    String breakReason) {

  public Agent {
    InvalidInputException.require(id, "id");
    InvalidInputException.requireText(name, "name");
    skills = Set.copyOf(InvalidInputException.require(skills, "skills"));
    languages = Set.copyOf(InvalidInputException.require(languages, "languages"));
    InvalidInputException.require(capacity, "capacity");
    queues = Set.copyOf(InvalidInputException.require(queues, "queues"));
    InvalidInputException.require(state, "state");
    if (languages.isEmpty()) {
      throw new InvalidInputException("agent " + id + " must speak at least one language");
    }
    if (skills.stream().map(SkillLevel::skill).distinct().count() != skills.size()) {
      throw new InvalidInputException("agent " + id + " lists a skill twice");
    }
    breakReason = state == AgentState.BREAK ? breakReason : null;
  }

  /** The agent's level in {@code skill}, if they have it. */
  public Optional<Integer> levelOf(Skill skill) {
    return skills.stream().filter(s -> s.skill().equals(skill)).map(SkillLevel::level).findFirst();
  }

  /** True when the agent has every required skill at or above the required level. */
  public boolean meets(Set<SkillLevel> required) {
    return required.stream().allMatch(r -> levelOf(r.skill()).orElse(0) >= r.level());
  }

  public boolean speaks(Language language) {
    return languages.contains(language);
  }

  /**
   * Moves the agent to {@code next}.
   *
   * @param reason the break reason when {@code next} is {@code BREAK}; ignored otherwise
   * @throws IllegalTransitionException when {@link AgentState} has no such edge
   */
  public Agent withState(AgentState next, String reason) {
    if (!state.canMoveTo(next)) {
      throw new IllegalTransitionException("agent " + id, state, next);
    }
    return new Agent(id, name, skills, languages, capacity, queues, next, reason);
  }
}
