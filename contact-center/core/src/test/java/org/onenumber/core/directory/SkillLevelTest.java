package org.onenumber.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.onenumber.core.error.InvalidInputException;

class SkillLevelTest {

  @Test
  void acceptsLevelsOneToFive() {
    assertEquals(1, SkillLevel.of("tax", SkillLevel.MIN).level());
    assertEquals(5, SkillLevel.of("tax", SkillLevel.MAX).level());
    assertEquals(new Skill("tax"), SkillLevel.of("tax", 3).skill());
  }

  @Test
  void rejectsLevelsOutsideOneToFive() {
    assertThrows(InvalidInputException.class, () -> SkillLevel.of("tax", 0));
    assertThrows(InvalidInputException.class, () -> SkillLevel.of("tax", 6));
    assertThrows(InvalidInputException.class, () -> new SkillLevel(null, 3));
  }

  @Test
  void acceptsLowerCaseSkillCodesWithDigitsAndDashes() {
    assertEquals("public-transport-2", new Skill("public-transport-2").code());
    assertEquals("a".repeat(40), new Skill("a".repeat(40)).toString());
  }

  @Test
  void rejectsSkillCodesThatAreNotLowerCaseSlugs() {
    for (String bad : new String[] {"", "Tax", "1tax", "-tax", "tax rate", "tax_rate", "a".repeat(41)}) {
      assertThrows(InvalidInputException.class, () -> new Skill(bad), bad);
    }
  }
}
