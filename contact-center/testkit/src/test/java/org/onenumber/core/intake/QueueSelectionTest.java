package org.onenumber.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;

class QueueSelectionTest {

  private static Queue queue(String id, int priority, Set<Language> languages, Channel... channels) {
    return new Queue(new QueueId(id), id, languages, Set.of(channels), List.of(), priority, Duration.ofSeconds(15));
  }

  private static final Queue VOICE_KO = queue("voice-ko", 0, Set.of(Language.KOREAN), Channel.VOICE);
  private static final Queue VOICE_KO_URGENT = queue("voice-ko-urgent", 5, Set.of(Language.KOREAN), Channel.VOICE);
  private static final Queue CHAT_EN = queue("chat-en", 0, Set.of(Language.ENGLISH), Channel.CHAT);
  private static final Queue VIDEO_KVK = queue("video-kvk", 0, Set.of(Language.KOREAN_SIGN), Channel.VIDEO);

  private static Queue choose(List<Queue> queues, String named, Channel channel, Language language) {
    return QueueSelection.choose(queues, named == null ? null : new QueueId(named), channel, language);
  }

  @Test
  void caseOneTakesTheNamedQueueEvenWhenItDoesNotServeTheContact() {
    List<Queue> queues = List.of(VOICE_KO_URGENT, VOICE_KO, CHAT_EN);
    assertEquals(CHAT_EN, choose(queues, "chat-en", Channel.VOICE, Language.KOREAN));
  }

  @Test
  void caseOneRefusesANamedQueueThatDoesNotExist() {
    NotFoundException e = assertThrows(NotFoundException.class,
        () -> choose(List.of(VOICE_KO), "nowhere", Channel.VOICE, Language.KOREAN));
    assertEquals("not_found", e.code());
  }

  @Test
  void caseTwoPrefersTheHighestPriorityQueueServingChannelAndLanguage() {
    assertEquals(VOICE_KO_URGENT, choose(List.of(VOICE_KO, VOICE_KO_URGENT, CHAT_EN), null, Channel.VOICE,
        Language.KOREAN));
  }

  @Test
  void caseTwoSendsNobodyToASpecialistQueueUnaskedEvenWhenItHasTheHigherPriority() {
    Queue elderly = new Queue(new QueueId("voice-ko-elderly"), "elderly", Set.of(Language.KOREAN),
        Set.of(Channel.VOICE), List.of(org.onenumber.core.directory.SkillLevel.of("elderly-care", 2)), 10,
        Duration.ofSeconds(10));
    assertEquals(VOICE_KO, choose(List.of(elderly, VOICE_KO), null, Channel.VOICE, Language.KOREAN));
    assertEquals(elderly, choose(List.of(elderly), null, Channel.VOICE, Language.KOREAN), "unless it is the only one");
  }

  @Test
  void caseTwoBreaksPriorityTiesByTheLowestId() {
    Queue b = queue("b-voice", 3, Set.of(Language.KOREAN), Channel.VOICE);
    Queue a = queue("a-voice", 3, Set.of(Language.KOREAN), Channel.VOICE);
    Queue c = queue("c-voice", 3, Set.of(Language.KOREAN), Channel.VOICE);
    assertEquals(a, choose(List.of(b, c, a), null, Channel.VOICE, Language.KOREAN));
  }

  @Test
  void caseTwoBeatsAHigherPriorityQueueThatServesOnlyTheLanguage() {
    Queue smsKoTop = queue("sms-ko", 99, Set.of(Language.KOREAN), Channel.SMS);
    assertEquals(VOICE_KO, choose(List.of(smsKoTop, VOICE_KO), null, Channel.VOICE, Language.KOREAN));
  }

  @Test
  void caseThreeSendsASignLanguageChatToASigningQueueOnAnotherChannel() {
    Queue chatKo = queue("chat-ko", 50, Set.of(Language.KOREAN), Channel.CHAT);
    Queue videoKvkTop = queue("video-kvk-top", 1, Set.of(Language.KOREAN_SIGN), Channel.VIDEO);
    assertEquals(videoKvkTop, choose(List.of(chatKo, VIDEO_KVK, videoKvkTop), null, Channel.CHAT,
        Language.KOREAN_SIGN));
  }

  @Test
  void caseFourTakesAQueueServingTheChannelInAnyLanguage() {
    Queue chatKo = queue("chat-ko", 1, Set.of(Language.KOREAN), Channel.CHAT);
    Queue chatZh = queue("chat-zh", 1, Set.of(Language.CHINESE), Channel.CHAT);
    assertEquals(chatKo, choose(List.of(VOICE_KO, chatZh, chatKo), null, Channel.CHAT, Language.MONGOLIAN));
    Queue chatJaTop = queue("chat-ja", 2, Set.of(Language.JAPANESE), Channel.CHAT);
    assertEquals(chatJaTop, choose(List.of(chatKo, chatJaTop), null, Channel.CHAT, Language.MONGOLIAN));
  }

  @Test
  void caseFiveRefusesAContactNoQueueServes() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> choose(List.of(VOICE_KO, CHAT_EN), null, Channel.SMS, Language.MONGOLIAN));
    assertEquals("invalid_input", e.code());
    assertThrows(InvalidInputException.class, () -> choose(List.of(), null, Channel.VOICE, Language.KOREAN));
  }
}
