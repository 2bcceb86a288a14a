package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * The relevance floor of answer suggestions: which of the best-scored answers for a citizen's
 * message say enough of what the message says to be shown.
 *
 * <ol>
 *   <li>The message's content words in an answer's language ({@link
 *       LanguageAnalyzers#forMessageBody}: particles, endings, copulas, stop words and greetings
 *       already gone) each weigh their inverse document frequency among that language's answers,
 *       so a rare word says more than a common one.
 *   <li>A word no answer of the language contains weighs {@value #UNKNOWN_SHARE} of the rarest
 *       word's weight: the message is about it and nothing here is, but it may be a typo or a
 *       name.
 *   <li>An answer's evidence is the weight of the words it contains, in full for its title or
 *       keywords and at {@value #BODY_SHARE} for its body alone, over the weight of all the words;
 *       0 when none is in its title or keywords (a body alone is long and shares common words:
 *       "name" or "결과" is in many; the title and keywords say what an answer is about).
 *   <li>Answers whose evidence is below {@value #FLOOR} are not suggested; the others keep their
 *       BM25 order. No answer at all is better than one that only shares a common word.
 * </ol>
 *
 * Reads postings of a handful of hits only, so it costs microseconds; plain search never calls
 * it. Thread-safe (stateless apart from the analyzers).
 */
final class MessageSuggestions {

  static final double FLOOR = 0.4;
  static final double BODY_SHARE = 0.5;
  static final double UNKNOWN_SHARE = 0.75;

  private final LanguageAnalyzers analyzers;

  MessageSuggestions(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  /** The hits of {@code candidates} (best first) whose evidence reaches the floor, at most {@code limit}. */
  ScoreDoc[] relevant(IndexSearcher searcher, String message, ScoreDoc[] candidates, int limit) throws IOException {
    double[] evidence = evidence(searcher, message, candidates);
    List<ScoreDoc> kept = new ArrayList<>();
    for (int i = 0; i < candidates.length && kept.size() < limit; i++) {
      if (evidence[i] >= FLOOR) {
        kept.add(candidates[i]);
      }
    }
    return kept.toArray(ScoreDoc[]::new);
  }

  /** Per candidate, the share (0..1) of the message's weighted content words it contains. */
  double[] evidence(IndexSearcher searcher, String message, ScoreDoc[] candidates) throws IOException {
    String[] languages = HitFields.languageSuffixes(searcher, candidates);
    Map<String, Words> words = new HashMap<>();
    for (String lang : languages) {
      words.computeIfAbsent(lang, l -> Words.of(analyzers, LanguageAnalyzers.suffix(l), message, searcher.getIndexReader()));
    }
    double[] out = new double[candidates.length];
    DocOrder.visit(searcher.getIndexReader(), HitFields.docs(candidates), leaf -> {
      Map<Term, PostingsEnum> postings = new HashMap<>();
      return (hit, doc) -> {
        Words w = words.get(languages[hit]);
        double found = 0;
        boolean named = false;
        for (int i = 0; i < w.terms().size(); i++) {
          String term = w.terms().get(i);
          boolean inTitle = contains(leaf.reader(), postings, title(w.lang()), term, doc)
              || contains(leaf.reader(), postings, keywords(w.lang()), term, doc);
          named |= inTitle;
          double share = inTitle ? 1 : contains(leaf.reader(), postings, body(w.lang()), term, doc) ? BODY_SHARE : 0;
          found += share * w.weights()[i];
        }
        out[hit] = !named || w.total() == 0 ? 0 : found / w.total();
      };
    });
    return out;
  }

  private static boolean contains(LeafReader reader, Map<Term, PostingsEnum> postings,
      String field, String term, int doc) throws IOException {
    Term key = new Term(field, term);
    PostingsEnum p = postings.get(key);
    if (p == null && !postings.containsKey(key)) {
      p = reader.postings(key, PostingsEnum.NONE);
      postings.put(key, p);
    }
    if (p == null) {
      return false;
    }
    int at = p.docID() < doc ? p.advance(doc) : p.docID();
    return at == doc && at != DocIdSetIterator.NO_MORE_DOCS;
  }

  /** A message's distinct content terms in one language with their weights. */
  private record Words(String lang, List<String> terms, double[] weights, double total) {

    static Words of(LanguageAnalyzers analyzers, String lang, String message, IndexReader reader) {
      List<String> terms = List.copyOf(new LinkedHashSet<>(
          LanguageAnalyzers.terms(analyzers.forMessageBody(lang), AnswerQueries.searchable(message))));
      int docs = Math.max(1, QueryLanguages.docCount(reader, title(lang)));
      double rarest = idf(1, docs);
      double[] weights = new double[terms.size()];
      double total = 0;
      for (int i = 0; i < terms.size(); i++) {
        int df = docFreq(reader, lang, terms.get(i));
        weights[i] = df == 0 ? UNKNOWN_SHARE * rarest : idf(df, docs);
        total += weights[i];
      }
      return new Words(lang, terms, weights, total);
    }

    private static int docFreq(IndexReader reader, String lang, String term) {
      try {
        int df = 0;
        for (String field : List.of(title(lang), keywords(lang), body(lang))) {
          df = Math.max(df, reader.docFreq(new Term(field, term)));
        }
        return df;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** BM25's inverse document frequency. */
    private static double idf(int df, int docs) {
      return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
    }
  }
}
