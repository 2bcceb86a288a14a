package org.onenumber.knowledge.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.knowledge.faq.FaqTsvLoader;
import org.onenumber.knowledge.SharedCorpus;

class RelevanceHarnessTest {

  @Test
  public void computesMrrRecallAndNdcgFromRanks() {
    var cases = RelevanceHarness.read(new StringReader("# comment\na\tX\nb\tY\nc\tZ\n"));
    Map<String, List<String>> results = Map.of("a", List.of("X"), "b", List.of("Q", "Y"), "c", List.of("Q"));
    RelevanceFigures f = RelevanceHarness.evaluate(cases, results::get);
    assertEquals(List.of(1, 2, 0), f.ranks());
    assertEquals((1 + 0.5) / 3, f.mrr10(), 1e-9);
    assertEquals(2.0 / 3, f.recall10(), 1e-9);
    assertEquals((1 + 1 / (Math.log(3) / Math.log(2))) / 3, f.ndcg10(), 1e-9);
  }

  @Test
  public void developmentSetPointsAtAnswersOfTheSharedCorpus() throws Exception {
    var cases = RelevanceHarness.developmentSet();
    assertTrue(cases.size() >= 60, "dev set has " + cases.size());
    try (LuceneAnswerIndex index = LuceneAnswerIndex.inMemory()) {
      FaqTsvLoader.load(SharedCorpus.faqTsv(), index);
      RelevanceFigures f = RelevanceHarness.evaluate(cases,
          q -> RelevanceCommand.externalIds(index, q, Instant.parse("2026-01-01T00:00:00Z")));
      System.out.println("dev set through LuceneAnswerIndex: " + f);
      assertTrue(f.mrr10() > 0.3, f.toString());
    }
  }
}
