package org.onenumber.knowledge;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.onenumber.testkit.AnswerTestData.AT;
import static org.onenumber.testkit.AnswerTestData.published;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.testkit.AnswerTestData;

/**
 * Changes become searchable by the background refresh alone, without refresh() or a rebuild. The
 * 100 ms goal itself is measured by the benchmark ({@code bin/bench search}, "edit visible"); here
 * the bound is generous because the test machine is shared and a timed unit test must not flake.
 */
class NearRealTimeTest {

  private static final Duration VISIBLE = Duration.ofSeconds(1);

  private final LuceneAnswerIndex index = LuceneAnswerIndex.inMemory();

  /** Loads and compiles the search path once, so the timings below measure visibility, not class loading. */
  @BeforeEach
  void warmUp() {
    index.index(published("warm", "Warm up answer", "Text.", "Dept"));
    index.refresh();
    for (int i = 0; i < 50; i++) {
      hits("warm up");
      hits("wram");
    }
    index.delete(new org.onenumber.core.knowledge.AnswerId("warm"));
    index.refresh();
  }

  @AfterEach
  void close() {
    index.close();
  }

  private long hits(String text) {
    return index.search(AnswerQuery.of(text, AT)).total();
  }

  @Test
  public void aNewAnswerBecomesVisibleWithoutRefreshOrRebuild() {
    for (int i = 0; i < 2_000; i++) {
      index.index(published("bulk" + i, "Filler answer " + i, "Some body text about city services " + i, "Dept"));
    }
    index.refresh();
    index.index(published("new", "Snow chains rental", "Rent chains at the depot.", "Roads"));
    await().atMost(VISIBLE).pollInterval(Duration.ofMillis(5)).until(() -> hits("chains") == 1);
  }

  @Test
  public void anEditAndAnExpiryBecomeVisibleWithoutRefreshOrRebuild() {
    var answer = published("a1", "Library hours", "Open until 18:00.", "Culture");
    index.index(answer);
    index.refresh();
    index.index(published("a1", "Library hours extended", "Open until 22:00.", "Culture"));
    await().atMost(VISIBLE).pollInterval(Duration.ofMillis(5)).until(() -> hits("extended") == 1);
    index.index(AnswerTestData.withStatus(answer, ReviewStatus.EXPIRED));
    await().atMost(VISIBLE).pollInterval(Duration.ofMillis(5)).until(() -> hits("library") == 0);
    assertEquals(1, index.size());
  }
}
