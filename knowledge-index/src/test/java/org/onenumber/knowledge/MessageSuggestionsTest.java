package org.onenumber.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.published;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.SuggestionQuery;
import org.onenumber.core.knowledge.ValidityPeriod;

/** Suggestions from a citizen's words, and a search over the operator's languages. */
class MessageSuggestionsTest {

  private static final List<Language> KO_EN = List.of(Language.KOREAN, Language.ENGLISH);

  private final LuceneAnswerIndex index = LuceneAnswerIndex.inMemory();

  @BeforeEach
  void answers() {
    add("bulky", Language.KOREAN, "대형폐기물(가구·가전) 배출 신청", List.of("대형폐기물", "소파", "침대"),
        "장롱, 소파, 침대 같은 대형폐기물은 신고 후 내놓습니다. 냉장고·세탁기 등 폐가전은 무상 방문수거입니다.");
    add("parking", Language.KOREAN, "불법 주정차 신고", List.of("불법주차", "주정차 위반"),
        "불법 주정차는 사진 두 장을 찍어 신고합니다. 소화전 앞은 즉시 단속 대상입니다.");
    add("light", Language.KOREAN, "가로등 고장 신고", List.of("가로등", "보안등"), "꺼진 가로등은 관리번호를 알려 주세요.");
    add("mask-ko", Language.KOREAN, "미세먼지 마스크 고르기", List.of("마스크", "KF94"), "KF94 마스크를 씁니다.");
    add("mask-en", Language.ENGLISH, "Choosing a fine dust mask", List.of("mask", "KF94"), "Wear a KF94 mask.");
    add("water", Language.ENGLISH, "How to pay your water bill", List.of("water bill"), "Pay online or at a bank.");
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  private void add(String id, Language language, String title, List<String> keywords, String body) {
    index.index(published(id, new AnswerContent(null, title, body, language, "dept", "", keywords, List.of(),
        Audience.PUBLIC, ValidityPeriod.ALWAYS, null)));
  }

  private List<AnswerHit> suggest(String message, List<Language> languages) {
    return index.suggestFor(new SuggestionQuery(message, languages, 3, AT));
  }

  private static List<String> ids(List<AnswerHit> hits) {
    return hits.stream().map(h -> h.id().value()).toList();
  }

  @Test
  public void aCopulaOrAParticleFindsNothingOnItsOwn() {
    List<AnswerHit> hits = suggest("3인용 소파예요", List.of(Language.KOREAN));
    assertEquals(List.of("bulky"), ids(hits), "not the parking answer that says 입니다");
    assertFalse(hits.getFirst().snippet().contains("<mark>입니다"), hits.getFirst().snippet());
  }

  @Test
  public void streetLightIsOneWordNotStreetPlusEtc() {
    assertEquals(List.of("light"), ids(suggest("가로등", List.of(Language.KOREAN))));
    assertEquals(List.of("light"), ids(suggest("집 앞 가로등이 꺼졌어요", KO_EN)));
  }

  @Test
  public void greetingsAndSmallTalkSuggestNothing() {
    assertEquals(List.of(), suggest("안녕하세요 감사합니다", KO_EN));
    assertEquals(List.of(), suggest("오늘 날씨가 정말 좋네요", KO_EN));
    assertEquals(List.of(), suggest("Hello, could you please help me?", List.of(Language.ENGLISH)));
  }

  @Test
  public void aWordOnlyInSomeBodyIsBelowTheFloor() {
    assertEquals(List.of(), suggest("소화전", List.of(Language.KOREAN)), "in the parking body only");
    assertEquals(List.of("parking"), ids(suggest("불법주차 신고하고 싶어요", List.of(Language.KOREAN))));
  }

  @Test
  public void theOperatorsOtherLanguageIsSuggestedToo() {
    assertEquals(List.of("water"), ids(suggest("water bill 어떻게 내요?", KO_EN)));
    assertEquals(List.of(), suggest("water bill 어떻게 내요?", List.of(Language.KOREAN)));
  }

  @Test
  public void searchCoversSeveralLanguagesWithTheConversationsFirst() {
    AnswerQuery koOnly = new AnswerQuery("water bill", Language.KOREAN, null, null, null, false, AT, 0, 10);
    assertEquals(0, index.search(koOnly).total());
    AnswerQuery koThenEn = new AnswerQuery("water bill", Language.KOREAN, null, null, null, false, AT, 0, 10,
        List.of(Language.ENGLISH));
    assertEquals(List.of("water"), index.search(koThenEn).hits().stream().map(h -> h.id().value()).toList());

    AnswerQuery kf94Ko = new AnswerQuery("KF94", Language.KOREAN, null, null, null, false, AT, 0, 10,
        List.of(Language.ENGLISH));
    assertEquals(List.of("mask-ko", "mask-en"), index.search(kf94Ko).hits().stream().map(h -> h.id().value()).toList());
    AnswerQuery kf94En = new AnswerQuery("KF94", Language.ENGLISH, null, null, null, false, AT, 0, 10,
        List.of(Language.KOREAN));
    assertEquals(List.of("mask-en", "mask-ko"), index.search(kf94En).hits().stream().map(h -> h.id().value()).toList());
  }
}
