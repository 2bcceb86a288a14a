package org.onenumber.core.routing;

import java.util.HashSet;
import java.util.Set;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.ChannelCapacity;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.SkillLevel;

/** Small value computations for routing: lowered skill requirements, capacity changes. */
final class Widening {

  private Widening() {}

  /** Every required level lowered by {@code delta}, never below {@link SkillLevel#MIN}. */
  static Set<SkillLevel> lowered(Set<SkillLevel> skills, int delta) {
    Set<SkillLevel> out = new HashSet<>();
    for (SkillLevel s : skills) {
      out.add(new SkillLevel(s.skill(), Math.max(SkillLevel.MIN, s.level() - delta)));
    }
    return Set.copyOf(out);
  }

  static Agent withCapacity(Agent agent, int maxMessaging) {
    return new Agent(agent.id(), agent.name(), agent.skills(), agent.languages(), new ChannelCapacity(maxMessaging),
        agent.queues(), agent.state(), agent.breakReason());
  }

  /** A transferred contact needs the new queue's skills; a contact's own needs if the queue has none. */
  static Set<SkillLevel> skillsFor(Contact contact, QueueConfig queue) {
    return queue.queue().requiredSkills().isEmpty()
        ? contact.requiredSkills() : Set.copyOf(queue.queue().requiredSkills());
  }
}
