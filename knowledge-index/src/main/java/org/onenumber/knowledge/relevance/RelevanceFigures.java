package org.onenumber.knowledge.relevance;

import java.util.List;
import java.util.Locale;

/**
 * The outcome of a relevance run.
 *
 * @param ranks per case, the 1-based rank of the expected answer in the top {@value
 *     RelevanceHarness#CUTOFF}, or 0 when it was not there
 */
public record RelevanceFigures(int queries, double mrr10, double recall10, double ndcg10, List<Integer> ranks) {

  public RelevanceFigures {
    ranks = List.copyOf(ranks);
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "queries=%d mrr10=%.3f recall10=%.3f ndcg10=%.3f", queries, mrr10, recall10, ndcg10);
  }
}
