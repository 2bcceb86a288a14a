package org.onenumber.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.content;
import static org.onenumber.testkit.AnswerTestData.published;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.AnswerQuery;

/** Which languages a query without a language is searched in (through the index, as the API calls it). */
class QueryLanguagesTest {

  private final LuceneAnswerIndex index = LuceneAnswerIndex.inMemory();

  @AfterEach
  void close() {
    index.close();
  }

  private List<String> ids(String text) {
    index.refresh();
    return index.search(AnswerQuery.of(text, AT)).hits().stream().map(h -> h.id().value()).toList();
  }

  @Test
  public void anEnglishQueryIsNotScoredAgainstGermanAnswersThatShareSomeOfItsWords() {
    index.index(published("en", "Covid test cost", "A test is free for residents.", "Health"));
    index.index(published("de", content("Covid Test Kosten", "Der Test ist kostenlos.", "Gesundheit", new Language("de"))));
    assertEquals(List.of("en"), ids("covid test cost"));
    assertEquals(List.of("de"), ids("covid test kosten"));
  }

  @Test
  public void wordsEveryLanguageKnowsSearchEveryLanguage() {
    index.index(published("en", "Covid vaccination", "Where to get vaccinated.", "Health"));
    index.index(published("de", content("Covid Impfung", "Wo kann ich mich impfen lassen?", "Gesundheit", new Language("de"))));
    assertEquals(2, ids("covid").size());
  }

  @Test
  public void latinWordsInAKoreanAnswerAreFoundWithoutALanguage() {
    index.index(published("ko", content("KF94 마스크 구입 안내", "KF94 마스크는 약국에서 살 수 있습니다.", "보건과", Language.KOREAN)));
    index.index(published("en", "Masks", "Cloth masks are fine outdoors.", "Health"));
    assertEquals(List.of("ko"), ids("kf94"));
  }

  @Test
  public void aQueryWithATypoIsSearchedInTheLanguageOfItsCorrection() {
    index.index(published("en", "Unemployment benefits", "How to apply.", "Labour"));
    index.index(published("de", content("Arbeitslosengeld", "Wie beantrage ich es?", "Arbeit", new Language("de"))));
    assertEquals(List.of("en"), ids("unemplyment benefits"));
  }

  @Test
  public void aQueryInAScriptNoAnswerUsesFindsNothingRatherThanEverything() {
    index.index(published("en", "Covid vaccination", "Where to get vaccinated.", "Health"));
    assertEquals(List.of(), ids("疫苗接种"));
    assertEquals(List.of("en"), ids(""), "no text at all lists every answer");
  }
}
