package org.onenumber.core.directory;

import org.onenumber.core.error.InvalidInputException;

/**
 * A skill at a level from 1 (basic) to 5 (expert). On an agent it says how well they know the
 * subject; on a contact or queue it is the minimum level required.
 */
public record SkillLevel(Skill skill, int level) {

  public static final int MIN = 1;
  public static final int MAX = 5;

  public SkillLevel {
    InvalidInputException.require(skill, "skill");
    if (level < MIN || level > MAX) {
      throw new InvalidInputException("skill level must be " + MIN + ".." + MAX + ", got " + level);
    }
  }

  public static SkillLevel of(String skill, int level) {
    return new SkillLevel(new Skill(skill), level);
  }
}
