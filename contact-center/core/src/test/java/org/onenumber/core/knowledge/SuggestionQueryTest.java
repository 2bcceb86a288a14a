package org.onenumber.core.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/** The operator's languages on a search and on a suggestion request. */
class SuggestionQueryTest {

  private static final Instant AT = Instant.parse("2027-01-15T03:00:00Z");
  private static final Language KO = Language.KOREAN;
  private static final Language EN = Language.ENGLISH;

  @Test
  void searchLanguagesKeepTheOperatorsOrderWithoutRepeats() {
    AnswerQuery q = new AnswerQuery("x", KO, null, null, null, false, AT, 0, 10, List.of(EN, KO, EN));
    assertEquals(List.of(KO, EN), q.languages());
    assertEquals(List.of(), AnswerQuery.of("x", AT).languages(), "none: the index guesses");
  }

  @Test
  void theFirstOtherLanguageLeadsWhenNoneIsGiven() {
    AnswerQuery q = new AnswerQuery("x", null, null, null, null, false, AT, 0, 10, List.of(EN, KO));
    assertEquals(EN, q.language());
    assertEquals(List.of(EN, KO), q.languages());
  }

  @Test
  void aSuggestionFallsBackToASearchInTheSameLanguages() {
    SuggestionQuery s = new SuggestionQuery(" 3인용 소파예요 ", Arrays.asList(KO, null, EN, KO), 3, AT);
    assertEquals(List.of(KO, EN), s.languages());
    AnswerQuery search = s.asSearch();
    assertEquals("3인용 소파예요", search.text());
    assertEquals(List.of(KO, EN), search.languages());
    assertEquals(3, search.pageSize());
  }

  @Test
  void rejectsALimitOutsideOneToTen() {
    assertThrows(InvalidInputException.class, () -> new SuggestionQuery("x", List.of(), 0, AT));
    assertThrows(InvalidInputException.class, () -> new SuggestionQuery("x", List.of(), 11, AT));
  }
}
