package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * Narrows the languages a query is searched in, when the caller gave none, to those whose answers
 * share the most of its words.
 *
 * <ol>
 *   <li>Candidates come from the script ({@link Scripts}); a language without answers drops out.
 *   <li>One candidate left: that one.
 *   <li>Per remaining candidate, the text is analysed as that language indexes it; its coverage is
 *       the share of those terms that some title or body of the language contains.
 *   <li>The languages with the highest coverage stay (all of them on a tie, e.g. a query of names
 *       every language uses, and all of them when no language knows any word, so typo tolerance
 *       still gets its chance everywhere).
 * </ol>
 *
 * An English question is then scored against English answers only, instead of against the
 * German, Swedish and Polish ones too: a third of the clauses, and none of the cross-language
 * noise. Stateless apart from the analyzers; thread-safe.
 */
final class QueryLanguages {

  private final LanguageAnalyzers analyzers;

  QueryLanguages(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  List<String> of(String text, IndexReader reader) {
    List<String> present = new ArrayList<>();
    for (String lang : Scripts.candidates(text)) {
      if (docCount(reader, title(lang)) > 0) {
        present.add(lang);
      }
    }
    if (present.size() <= 1) {
      return present;
    }
    List<String> best = new ArrayList<>();
    double bestCoverage = 0;
    for (String lang : present) {
      double coverage = coverage(lang, text, reader);
      if (coverage > bestCoverage) {
        best.clear();
        bestCoverage = coverage;
      }
      if (coverage == bestCoverage) {
        best.add(lang);
      }
    }
    return best;
  }

  private double coverage(String lang, String text, IndexReader reader) {
    List<String> terms = LanguageAnalyzers.terms(analyzers.forIndex(lang), text);
    if (terms.isEmpty()) {
      return 0;
    }
    long known = terms.stream().filter(term -> known(reader, term, title(lang), body(lang))).count();
    return known / (double) terms.size();
  }

  /** True when some document has {@code term} in one of {@code fields}. */
  static boolean known(IndexReader reader, String term, String... fields) {
    try {
      for (String field : fields) {
        if (reader.docFreq(new Term(field, term)) > 0) {
          return true;
        }
      }
      return false;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int docCount(IndexReader reader, String field) {
    try {
      return reader.getDocCount(field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
