package org.onenumber.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.content;
import static org.onenumber.testkit.AnswerTestData.published;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.Audience;
import org.onenumber.core.knowledge.ValidityPeriod;

class LuceneSearchFeaturesTest {

  private final LuceneAnswerIndex index = LuceneAnswerIndex.inMemory();

  @AfterEach
  void close() {
    index.close();
  }

  private AnswerSearchResult search(String text) {
    index.refresh();
    return index.search(AnswerQuery.of(text, AT));
  }

  private static List<String> ids(AnswerSearchResult r) {
    return r.hits().stream().map(h -> h.id().value()).toList();
  }

  private static AnswerContent korean(String title, String body, String department) {
    return content(title, body, department, Language.KOREAN);
  }

  @Test
  public void titleMatchesRankAboveBodyMatches() {
    index.index(published("body", "Opening hours", "Bring your recycling bins out on Monday.", "Sanitation"));
    index.index(published("title", "Recycling bins", "Collected weekly.", "Sanitation"));
    assertEquals(List.of("title", "body"), ids(search("recycling")));
  }

  @Test
  public void keywordsRankAboveTheBody() {
    for (int i = 0; i < 20; i++) {
      var filler = new AnswerContent(null, "Filler " + i, "Other text " + i, Language.ENGLISH, "Dept", "",
          List.of("other", "words"), List.of(), Audience.PUBLIC, ValidityPeriod.ALWAYS, null);
      index.index(published("f" + i, filler));
    }
    var withKeyword = new AnswerContent(null, "Collection calendar", "Dates for your street.", Language.ENGLISH,
        "Sanitation", "", List.of("recycling"), List.of(), Audience.PUBLIC, ValidityPeriod.ALWAYS, null);
    index.index(published("kw", withKeyword));
    index.index(published("body", "Street cleaning", "Recycling is collected with it on Mondays and more text here.", "Sanitation"));
    assertEquals(List.of("kw", "body"), ids(search("recycling")));
  }

  @Test
  public void citizensWordsFindOfficialTermsThroughSynonyms() {
    index.index(published("a1", "Reporting road surface damage", "Use the app.", "Roads"));
    assertEquals(List.of("a1"), ids(search("pothole")));
  }

  @Test
  public void oneWordSynonymsAlsoFindTheBody() {
    index.index(published("ko", korean("배출 요일 안내", "폐기물은 화요일 저녁에 내놓습니다.", "청소과")));
    index.index(published("en", "Clinic hours", "The vaccine is given on weekdays.", "Health"));
    assertEquals(List.of("ko"), ids(search("쓰레기")));
    assertEquals(List.of("en"), ids(search("jab")));
  }

  @Test
  public void aMisspeltWordStillFindsTheAnswerAndSuggestsTheCorrection() {
    index.index(published("a1", "Unemployment benefits", "How to apply for benefits.", "Labour"));
    AnswerSearchResult r = search("unemplyment");
    assertEquals(List.of("a1"), ids(r));
    assertEquals("unemployment", r.didYouMean());
    assertNull(search("unemployment").didYouMean());
  }

  @Test
  public void aLongWordTwoEditsOffIsStillCorrected() {
    index.index(published("a1", "Unemployment benefits", "How to apply for benefits.", "Labour"));
    AnswerSearchResult r = search("unenploymant");
    assertEquals(List.of("a1"), ids(r));
    assertEquals("unemployment", r.didYouMean());
  }

  @Test
  public void eachHitOfAPageGetsItsOwnSnippetWhateverTheScoreOrder() {
    index.index(published("b", "Opening hours", "The library opens at nine. Parking is behind the building.", "Culture"));
    index.index(published("a", "Parking permits", "Residents apply for a parking permit online.", "Roads"));
    index.index(published("c", "Bicycles", "Bicycle parking is free at every station.", "Roads"));
    List<AnswerHit> hits = search("parking").hits();
    assertEquals("a", hits.get(0).id().value());
    for (AnswerHit h : hits) {
      String expected = switch (h.id().value()) {
        case "a" -> "for a <mark>parking</mark> permit";
        case "b" -> "<mark>Parking</mark> is behind";
        default -> "Bicycle <mark>parking</mark> is free";
      };
      assertTrue(h.snippet().contains(expected), h.id().value() + ": " + h.snippet());
    }
  }

  @Test
  public void aVeryLongPastedQueryStillSearches() {
    var withKeywords = new AnswerContent(null, "Face masks", "Wear a face covering on buses.", Language.ENGLISH,
        "Health", "", List.of("mask", "face covering"), List.of(), Audience.PUBLIC, ValidityPeriod.ALWAYS, null);
    index.index(published("a1", withKeywords));
    assertEquals(List.of("a1"), ids(search("mask ".repeat(199) + "kid")));
    StringBuilder han = new StringBuilder();
    for (int i = 0; i < 990; i++) {
      han.append((char) (0x4E00 + i));
    }
    assertEquals(0, search(han.toString()).total());
  }

  @Test
  public void snippetsHighlightMatchedWordsAndEscapeHtml() {
    index.index(published("a1", "Passports", "Bring <b>two</b> photos. The passport office is open on weekdays.", "Civil"));
    AnswerHit hit = search("office").hits().get(0);
    assertTrue(hit.snippet().contains("<mark>office</mark>"), hit.snippet());
    assertTrue(!hit.snippet().contains("<b>"), hit.snippet());
  }

  @Test
  public void koreanQueriesFindInflectedKoreanText() {
    index.index(published("ko1", korean("대형 폐기물 배출 방법", "대형폐기물은 구청에 신고한 뒤 스티커를 붙여 배출합니다.", "청소과")));
    index.index(published("ko2", korean("여권 발급 안내", "여권은 구청 민원실에서 신청합니다.", "민원과")));
    assertEquals("ko1", ids(search("대형 쓰레기 버리는 법")).get(0));
    assertEquals("ko2", ids(search("여권을 신청하려면")).get(0));
  }

  @Test
  public void languageFilterKeepsOtherLanguagesOut() {
    index.index(published("en", "Covid test centres", "Where to get a test.", "Health"));
    index.index(published("de", content("Covid Testzentren", "Wo kann ich mich testen lassen?", "Gesundheit", new Language("de"))));
    index.refresh();
    var german = AnswerQuery.of("covid", AT).withLanguage(new Language("de"));
    assertEquals(List.of("de"), ids(index.search(german)));
    assertEquals(2, index.search(AnswerQuery.of("covid", AT)).total());
  }

  @Test
  public void operatorOnlyAnswersCanBeFilteredByAudience() {
    var internal = new AnswerContent(null, "Escalation for gas leaks", "Call the fire service first.", Language.ENGLISH,
        "Safety", "", List.of(), List.of(), Audience.OPERATOR, ValidityPeriod.ALWAYS, null);
    index.index(published("op", internal));
    index.refresh();
    var publicOnly = new AnswerQuery("gas", null, null, null, Audience.PUBLIC, false, AT, 0, 10);
    assertEquals(0, index.search(publicOnly).total());
    assertEquals(1, index.search(AnswerQuery.of("gas", AT)).total());
  }

  @Test
  public void anAnswerValidFromTomorrowIsNotYetShown() {
    var later = org.onenumber.testkit.AnswerTestData.withValidity(content("Winter parking ban", "From December.", "Roads"),
        new ValidityPeriod(AT.plus(Duration.ofDays(1)), null));
    index.index(published("a1", later));
    assertEquals(0, search("parking").total());
    assertEquals(1, index.search(AnswerQuery.of("parking", AT.plus(Duration.ofDays(2)))).total());
  }

  @Test
  public void suggestionsWorkForKoreanPrefixes() {
    index.index(published("ko1", korean("쓰레기 배출 요일", "본문", "청소과")));
    index.refresh();
    assertEquals(List.of("쓰레기 배출 요일"), index.suggest("쓰레", null, 5, AT));
    assertEquals(List.of("쓰레기 배출 요일"), index.suggest("쓰레기 배", null, 5, AT));
  }
}
