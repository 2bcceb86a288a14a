package org.onenumber.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.analysis.Analyzer;

/**
 * Highlighted body passages for a page of hits, read from the offsets stored in the postings (no
 * re-analysis), for the scored part of the query only (filters are not highlighted, and term
 * extraction is used instead of per-document weight matching, which costs milliseconds). Matched words are wrapped in {@code <mark>..</mark>}; the rest is HTML-escaped. A
 * body without a matched word gives its first passage. Stateless; one highlighter per search.
 */
final class Snippets {

  static final int PASSAGE_CHARS = 220;
  /** Passages are looked for in the first this many characters of a body. */
  static final int MAX_CHARS = 2_000;

  private Snippets() {}

  /**
   * @param fields the body fields of the languages searched
   * @return per hit (in {@code page} order) its snippet, empty when the body is empty
   */
  static String[] of(IndexSearcher searcher, Analyzer analyzer, Query query, TopDocs page, List<String> fields) {
    UnifiedHighlighter highlighter =
        UnifiedHighlighter.builder(searcher, analyzer)
            .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "… ", true))
            .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                BreakIterator.getSentenceInstance(Locale.ROOT), PASSAGE_CHARS, 0.5f))
            .withMaxLength(MAX_CHARS)
            .withWeightMatches(false)
            .withHighlightPhrasesStrictly(false)
            .withHandleMultiTermQuery(false)
            .build();
    String[] out = new String[page.scoreDocs.length];
    int[] passages = new int[fields.size()];
    java.util.Arrays.fill(passages, 1);
    try {
      Map<String, String[]> byField =
          highlighter.highlightFields(fields.toArray(String[]::new), query, page, passages);
      for (String field : fields) {
        String[] values = byField.get(field);
        for (int i = 0; values != null && i < values.length; i++) {
          if (out[i] == null && values[i] != null) {
            out[i] = values[i];
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (int i = 0; i < out.length; i++) {
      out[i] = out[i] == null ? "" : out[i].strip();
    }
    return out;
  }
}
