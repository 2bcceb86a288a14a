package org.onenumber.knowledge;

import java.io.IOException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.onenumber.core.directory.Language;

/**
 * Orders hits by the languages the operator asked for, the conversation's first, and by score
 * inside each language: BM25 scores of two languages are not comparable (each language's fields
 * have their own statistics), so a Latin word such as "KF94" that answers of both languages
 * contain would otherwise rank by which language has more answers.
 *
 * <ol>
 *   <li>One language asked for (or none): the hits as they are; plain search pays nothing.
 *   <li>Several: a stable sort of the collected hits (the best {@link LuceneAnswerIndex#FACET_WINDOW}
 *       at least, so every page of those is consistent) by the position of the hit's language in
 *       the list.
 * </ol>
 *
 * Stateless.
 */
final class LanguageOrder {

  private LanguageOrder() {}

  static ScoreDoc[] sort(IndexSearcher searcher, ScoreDoc[] hits, List<Language> languages) throws IOException {
    if (languages.size() < 2 || hits.length < 2) {
      return hits;
    }
    List<String> order = AnswerQueries.suffixes(languages);
    String[] hitLanguages = HitFields.languageSuffixes(searcher, hits);
    Integer[] positions = new Integer[hits.length];
    Arrays.setAll(positions, i -> i);
    Arrays.sort(positions, Comparator.comparingInt(i -> rank(order, hitLanguages[i])));
    return Arrays.stream(positions).map(i -> hits[i]).toArray(ScoreDoc[]::new);
  }

  private static int rank(List<String> order, String language) {
    int at = order.indexOf(language);
    return at < 0 ? order.size() : at;
  }
}
