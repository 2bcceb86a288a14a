package org.onenumber.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswerQueriesTest {

  @Test
  public void searchableTextKeepsDistinctWordsInOrder() {
    assertEquals("Mask in public", AnswerQueries.searchable("  Mask in mask public  IN "));
  }

  @Test
  public void searchableTextStopsAfterTheWordLimit() {
    String many = IntStream.range(0, 100).mapToObj(i -> "w" + i).collect(Collectors.joining(" "));
    String kept = AnswerQueries.searchable(many);
    assertEquals(AnswerQueries.MAX_WORDS, kept.split(" ").length);
    assertEquals("w0", kept.split(" ")[0]);
  }

  @Test
  public void searchableTextIsCutAtTheCharacterLimitWithoutSplittingASurrogatePair() {
    assertEquals(AnswerQueries.MAX_CHARS, AnswerQueries.searchable("x".repeat(500)).length());
    String emoji = "a" + "😀".repeat(200);
    String cut = AnswerQueries.searchable(emoji);
    assertEquals(AnswerQueries.MAX_CHARS - 1, cut.length());
    assertEquals(cut.codePointCount(0, cut.length()), 1 + (cut.length() - 1) / 2);
  }
}
