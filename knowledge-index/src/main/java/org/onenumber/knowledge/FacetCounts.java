package org.onenumber.knowledge;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.onenumber.core.knowledge.FacetCount;

/**
 * Counts every matching document's value of one keyword field (department or category) from its
 * sorted doc values: per segment by ordinal, merged by value at the end. The empty value (no
 * category) is not a facet. One collector per search
 * thread; the manager is thread-safe.
 */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, List<FacetCount>> {

  static final int MAX_VALUES = 20;

  private final String field;

  FacetCounts(String field) {
    this.field = field;
  }

  @Override
  public Counter newCollector() {
    return new Counter(field);
  }

  @Override
  public List<FacetCount> reduce(Collection<Counter> collectors) {
    Map<String, Long> merged = new HashMap<>();
    for (Counter c : collectors) {
      c.flush();
      c.totals.forEach((k, v) -> merged.merge(k, v, Long::sum));
    }
    return merged.entrySet().stream()
        .map(e -> new FacetCount(e.getKey(), e.getValue()))
        .sorted(Comparator.comparingLong(FacetCount::count).reversed().thenComparing(FacetCount::value))
        .limit(MAX_VALUES)
        .toList();
  }

  /** Counts ordinals of the current segment; folds them into totals on segment change. */
  static final class Counter extends SimpleCollector {
    private final String field;
    private final Map<String, Long> totals = new HashMap<>();
    private SortedDocValues values;
    private int[] counts = new int[0];

    Counter(String field) {
      this.field = field;
    }

    @Override
    protected void doSetNextReader(LeafReaderContext context) throws IOException {
      flush();
      values = context.reader().getSortedDocValues(field);
      counts = values == null ? new int[0] : new int[values.getValueCount()];
    }

    @Override
    public void setScorer(Scorable scorer) {}

    @Override
    public void collect(int doc) throws IOException {
      if (values != null && values.advanceExact(doc)) {
        counts[values.ordValue()]++;
      }
    }

    @Override
    public ScoreMode scoreMode() {
      return ScoreMode.COMPLETE_NO_SCORES;
    }

    void flush() {
      if (values == null) {
        return;
      }
      try {
        for (int ord = 0; ord < counts.length; ord++) {
          if (counts[ord] > 0 && values.lookupOrd(ord).length > 0) {
            totals.merge(values.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
          }
        }
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      values = null;
    }
  }
}
