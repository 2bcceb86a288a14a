package org.onenumber.telephony.asterisk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.directory.Language;
import org.onenumber.core.port.in.OpenContactCommand;
import org.onenumber.core.port.in.ServeSelf;
import org.onenumber.core.selfservice.SelfServiceAnswer;
import org.onenumber.core.selfservice.SelfServiceTopic;

class TopicPromptsTest {

  /** Two topics in Korean and English, one only in English; answers' words changeable. */
  private final Map<String, SelfServiceAnswer> answers = new HashMap<>();
  private final ServeSelf topics = new ServeSelf() {
    @Override
    public List<SelfServiceTopic> topics(Language language) {
      return List.of(new SelfServiceTopic("1", "water-bill", Map.of(Language.KOREAN, "w-ko", Language.ENGLISH, "w-en")),
          new SelfServiceTopic("2", "recycling", Map.of(Language.ENGLISH, "r-en"))).stream()
          .filter(t -> answers.containsKey(t.digit() + language.code())).toList();
    }

    @Override
    public Optional<SelfServiceAnswer> answer(String digit, Language language) {
      return Optional.ofNullable(answers.get(digit + language.code()));
    }

    @Override
    public Contact served(OpenContactCommand command, Instant heardFrom) {
      throw new UnsupportedOperationException("not a call");
    }
  };

  TopicPromptsTest() {
    answers.put("1ko", new SelfServiceAnswer("water-bill", Language.KOREAN, "수도요금 납부", "인터넷으로 납부할 수 있습니다."));
    answers.put("1en", new SelfServiceAnswer("water-bill", Language.ENGLISH, "Paying the water bill", "Pay online."));
    answers.put("2en", new SelfServiceAnswer("recycling", Language.ENGLISH, "Recycling days", "Tuesdays and Fridays."));
  }

  @Test
  void listsTheTopicMenuAndEveryAnswerPerLanguageWithTheWordsToRecord() {
    List<TopicPrompts.Recording> recordings = TopicPrompts.of(topics);
    assertEquals(List.of("onenumber/ko/topic-menu", "onenumber/ko/answer-water-bill", "onenumber/en/topic-menu",
        "onenumber/en/answer-water-bill", "onenumber/en/answer-recycling"),
        recordings.stream().map(TopicPrompts.Recording::file).toList());
    assertEquals("For answers to common questions: Paying the water bill press 1, Recycling days press 2."
        + " For an operator press 0.", recordings.get(2).text());
    assertEquals("자주 묻는 질문의 답은 번호를 누르세요. 수도요금 납부 1번. 상담원 연결은 0번을 누르세요.", recordings.get(0).text());
    assertEquals("Recycling days. Tuesdays and Fridays.", recordings.get(4).text());
  }

  @Test
  void anEditedAnswerChangesOnlyItsOwnFingerprintAndARenamedTitleAlsoTheMenus() {
    Map<String, String> before = fingerprints();
    answers.put("2en", new SelfServiceAnswer("recycling", Language.ENGLISH, "Recycling days", "Tuesdays only."));
    Map<String, String> edited = fingerprints();
    assertNotEquals(before.get("onenumber/en/answer-recycling"), edited.get("onenumber/en/answer-recycling"));
    before.remove("onenumber/en/answer-recycling");
    edited.remove("onenumber/en/answer-recycling");
    assertEquals(before, edited, "nothing else to record again");

    answers.put("2en", new SelfServiceAnswer("recycling", Language.ENGLISH, "Recycling", "Tuesdays only."));
    Map<String, String> renamed = fingerprints();
    assertNotEquals(edited.get("onenumber/en/topic-menu"), renamed.get("onenumber/en/topic-menu"));
    assertEquals(edited.get("onenumber/ko/topic-menu"), renamed.get("onenumber/ko/topic-menu"));
  }

  @Test
  void aLanguageWithoutTopicsNeedsNoRecordings() {
    assertEquals(List.of(), TopicPrompts.of(ServeSelf.NONE));
  }

  private Map<String, String> fingerprints() {
    Map<String, String> all = new HashMap<>();
    TopicPrompts.of(topics).forEach(r -> all.put(r.file(), r.fingerprint()));
    return all;
  }
}
