package org.onenumber.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.content;
import static org.onenumber.testkit.AnswerTestData.published;
import static org.onenumber.testkit.AnswerTestData.withStatus;
import static org.onenumber.testkit.AnswerTestData.withValidity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.core.knowledge.ValidityPeriod;

class LiveFilterTest {

  private static final Instant UNTIL = AT.plus(Duration.ofDays(1));
  private final LuceneAnswerIndex index = LuceneAnswerIndex.inMemory();

  @AfterEach
  void close() {
    index.close();
  }

  private long total(Instant at) {
    return index.search(AnswerQuery.of("parking", at)).total();
  }

  @Test
  public void theCachedLiveSetFollowsTheInstantAcrossValidityBoundsInBothDirections() {
    index.index(published("a1", withValidity(content("Winter parking ban", "From December.", "Roads"),
        new ValidityPeriod(AT, UNTIL))));
    index.index(published("a2", content("Parking permits", "Apply online.", "Roads")));
    index.refresh();
    List<Instant> instants = List.of(AT.minusMillis(1), AT, UNTIL.minusMillis(1), UNTIL, AT.plusSeconds(5), AT.minusMillis(1));
    List<Long> totals = instants.stream().map(this::total).toList();
    assertEquals(List.of(1L, 2L, 2L, 1L, 2L, 1L), totals);
  }

  @Test
  public void draftsAreNotLiveButAreFoundWhenNotLiveAnswersAreAskedFor() {
    index.index(withStatus(published("d1", content("Parking draft", "Text.", "Roads")), ReviewStatus.DRAFT));
    index.refresh();
    assertEquals(0, total(AT));
    assertEquals(1, index.search(new AnswerQuery("parking", null, null, null, null, true, AT, 0, 10)).total());
  }
}
