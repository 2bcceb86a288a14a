package org.onenumber.core.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.error.InvalidInputException;

class QueueTest {

  private static Queue queue(Set<Language> languages, Set<Channel> channels) {
    return new Queue(new QueueId("general-ko"), "General", languages, channels,
        List.of(SkillLevel.of("general", 1)), 10, Duration.ofSeconds(20));
  }

  @Test
  void servesOnlyItsChannelsInItsLanguages() {
    Queue q = queue(Set.of(Language.KOREAN, Language.ENGLISH), Set.of(Channel.VOICE, Channel.CHAT));
    assertTrue(q.serves(Channel.VOICE, Language.KOREAN));
    assertTrue(q.serves(Channel.CHAT, Language.ENGLISH));
    assertFalse(q.serves(Channel.SMS, Language.KOREAN));
    assertFalse(q.serves(Channel.VOICE, Language.CHINESE));
  }

  @Test
  void rejectsAQueueWithoutLanguagesOrChannels() {
    assertThrows(InvalidInputException.class, () -> queue(Set.of(), Set.of(Channel.VOICE)));
    assertThrows(InvalidInputException.class, () -> queue(Set.of(Language.KOREAN), Set.of()));
    assertThrows(InvalidInputException.class, () -> new QueueId(""));
  }

  @Test
  void keepsItsSettings() {
    Queue q = queue(Set.of(Language.KOREAN), Set.of(Channel.VOICE));
    assertEquals(10, q.priority());
    assertEquals(Duration.ofSeconds(20), q.serviceLevelThreshold());
    assertEquals(List.of(SkillLevel.of("general", 1)), q.requiredSkills());
  }

  @Test
  void requiresAPositiveDefaultCaseDueForADepartment() {
    Department water = new Department(new DepartmentId("water"), "물관리과", "Water", "+8221200100",
        Duration.ofDays(3));
    assertEquals(Duration.ofDays(3), water.defaultCaseDue());
    assertThrows(InvalidInputException.class, () -> new Department(new DepartmentId("water"), "물관리과", "Water",
        "+8221200100", Duration.ZERO));
    assertThrows(InvalidInputException.class, () -> new Department(new DepartmentId("water"), "물관리과", "Water",
        "+8221200100", Duration.ofDays(-1)));
    assertThrows(InvalidInputException.class, () -> new Department(new DepartmentId("water"), " ", "Water",
        "+8221200100", Duration.ofDays(1)));
  }
}
