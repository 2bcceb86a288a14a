package org.onenumber.knowledge;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.onenumber.core.knowledge.FacetCount;

/**
 * Counts the values of one keyword field (department or category) over the best hits of a search,
 * from sorted doc values.
 *
 * <ol>
 *   <li>Sort the hits' doc ids (doc values are read forwards).
 *   <li>Per segment, count each hit's ordinal, then turn each distinct ordinal into its value
 *       once; the empty value (no category) is not a facet.
 *   <li>Largest counts first, then by value; at most {@value #MAX_VALUES} values.
 * </ol>
 *
 * Counting the best {@link LuceneAnswerIndex#FACET_WINDOW} hits instead of every match keeps the
 * search able to skip non-competitive documents (block-max WAND), which is what keeps p99 in
 * the low milliseconds on 100k answers. Stateless.
 */
final class FacetCounts {

  static final int MAX_VALUES = 20;

  private FacetCounts() {}

  static List<FacetCount> count(IndexSearcher searcher, ScoreDoc[] hits, String field) throws IOException {
    int[] docs = Arrays.stream(hits).mapToInt(h -> h.doc).sorted().toArray();
    List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
    Map<String, Long> counts = new HashMap<>();
    int i = 0;
    while (i < docs.length) {
      LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(docs[i], leaves));
      SortedDocValues values = leaf.reader().getSortedDocValues(field);
      int end = leaf.docBase + leaf.reader().maxDoc();
      Map<Integer, Long> byOrd = new HashMap<>();
      for (; i < docs.length && docs[i] < end; i++) {
        if (values != null && values.advanceExact(docs[i] - leaf.docBase)) {
          byOrd.merge(values.ordValue(), 1L, Long::sum);
        }
      }
      for (Map.Entry<Integer, Long> e : byOrd.entrySet()) {
        String value = values.lookupOrd(e.getKey()).utf8ToString();
        if (!value.isEmpty()) {
          counts.merge(value, e.getValue(), Long::sum);
        }
      }
    }
    return counts.entrySet().stream()
        .map(e -> new FacetCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value))
        .limit(MAX_VALUES)
        .toList();
  }
}
