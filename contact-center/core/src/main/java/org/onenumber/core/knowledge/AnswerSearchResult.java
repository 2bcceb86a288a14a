package org.onenumber.core.knowledge;

import java.util.List;
import java.util.Map;

/**
 * A page of hits.
 *
 * @param total how many answers match; exact up to at least 1,000, a lower bound beyond (an index
 *     may stop counting weak matches)
 * @param facets counts per facet name ({@code department}, {@code category}) over the best
 *     matches (the Lucene index counts its best 100), largest first
 * @param didYouMean a corrected query when some words look misspelt; null when none
 */
public record AnswerSearchResult(
    long total, List<AnswerHit> hits, Map<String, List<FacetCount>> facets, String didYouMean) {

  public AnswerSearchResult {
    hits = List.copyOf(hits);
    facets = Map.copyOf(facets);
  }
}
