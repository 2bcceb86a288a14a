package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * Builds the Lucene query for an {@link AnswerQuery}.
 *
 * <ol>
 *   <li>Languages: the requested one, else those the script suggests ({@link Scripts}) that have
 *       answers in the index (no analysis and no clauses for a language without answers).
 *   <li>Per language, the text is analysed by its query analyzer (with synonyms) into a
 *       disjunction over title (boost {@value #TITLE_BOOST}), keywords ({@value #KEYWORDS_BOOST})
 *       and body ({@value #BODY_BOOST}), scored by BM25.
 *   <li>Typo tolerance: a word of at least {@value #FUZZY_MIN_LENGTH} letters that no answer in
 *       any language contains is analysed per language; each of its terms that no title, keyword
 *       or body of that language contains (so Korean inflections, which Nori already reduces, do
 *       not count) is added as a fuzzy query on the title (1 edit, 2 from {@value
 *       #TWO_EDITS_LENGTH} letters) at a lower boost, for languages that have answers at all. The
 *       expansion (rewritten fuzzy query) is kept per index view and term ({@link PerReaderCache}),
 *       so a recurring typo does not walk the term dictionary again.
 *       Titles only: the body's term dictionary is many times larger and walking it cost a
 *       fifth of all search CPU in the benchmark.
 *   <li>Filters (not scored): live only (published, inside validity at the query's instant, from
 *       the cached {@link LiveFilter} bit sets) unless asked otherwise, then language, department, category and audience when given.
 *   <li>No text: every answer passing the filters.
 * </ol>
 *
 * Thread-safe.
 */
final class AnswerQueries {

  static final float TITLE_BOOST = 3f;
  static final float KEYWORDS_BOOST = 2f;
  static final float BODY_BOOST = 1f;
  static final float FUZZY_BOOST = 0.5f;
  static final int FUZZY_MIN_LENGTH = 5;
  static final int TWO_EDITS_LENGTH = 10;
  static final int FUZZY_PREFIX = 2;
  static final int FUZZY_EXPANSIONS = 10;

  private final LanguageAnalyzers analyzers;
  private final Analyzer plainWords = LanguageAnalyzers.plainWords();
  private final LiveFilter liveFilter = new LiveFilter();
  private final PerReaderCache<Query> fuzzyExpansions = new PerReaderCache<>();

  AnswerQueries(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
  }

  /**
   * The scored part of a search, and the same without its fuzzy clauses (what snippets
   * highlight: cheaper, and a guessed spelling should not be marked).
   */
  record Text(Query scored, Query exact, List<String> misspelt) {}

  /** The scored {@code text} part (null for none) plus the filters of {@code q}. */
  Query withFilters(Query text, AnswerQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
    for (Query f : filters(q)) {
      b.add(f, Occur.FILTER);
    }
    return b.build();
  }

  /** The scored part; null when the text has no searchable words. */
  Text text(AnswerQuery q, IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    if (q.text().isEmpty()) {
      return null;
    }
    List<String> languages =
        q.language() != null ? List.of(LanguageAnalyzers.suffix(q.language().code())) : Scripts.candidates(q.text());
    List<String> misspelt = misspelt(q.text(), reader);
    List<Text> perLanguage = new ArrayList<>();
    for (String lang : languages) {
      if (languages.size() > 1 && docCount(reader, title(lang)) == 0) {
        continue;
      }
      Text one = forLanguage(lang, q.text(), misspelt, searcher);
      if (one != null) {
        perLanguage.add(one);
      }
    }
    if (perLanguage.size() <= 1) {
      return perLanguage.isEmpty() ? null : perLanguage.get(0);
    }
    BooleanQuery.Builder scored = new BooleanQuery.Builder();
    BooleanQuery.Builder exact = new BooleanQuery.Builder();
    for (Text t : perLanguage) {
      scored.add(t.scored(), Occur.SHOULD);
      exact.add(t.exact(), Occur.SHOULD);
    }
    return new Text(scored.build(), exact.build(), misspelt);
  }

  private Text forLanguage(String lang, String text, List<String> misspelt, IndexSearcher searcher) {
    IndexReader reader = searcher.getIndexReader();
    QueryBuilder builder = new QueryBuilder(analyzers.forQuery(lang));
    Query title = builder.createBooleanQuery(title(lang), text);
    if (title == null) {
      return null;
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new BoostQuery(title, TITLE_BOOST), Occur.SHOULD);
    b.add(new BoostQuery(builder.createBooleanQuery(keywords(lang), text), KEYWORDS_BOOST), Occur.SHOULD);
    b.add(new BoostQuery(builder.createBooleanQuery(body(lang), text), BODY_BOOST), Occur.SHOULD);
    Query exact = b.build();
    List<String> unknown = misspelt.isEmpty() || docCount(reader, body(lang)) == 0 ? List.of()
        : unknownTerms(lang, misspelt, reader);
    if (unknown.isEmpty()) {
      return new Text(exact, exact, misspelt);
    }
    for (String term : unknown) {
      int edits = term.length() >= TWO_EDITS_LENGTH ? 2 : 1;
      Query expanded = fuzzyExpansions.get(reader, title(lang) + '\u0000' + term,
          k -> rewrite(searcher, fuzzy(title(lang), term, edits)));
      b.add(new BoostQuery(expanded, FUZZY_BOOST * TITLE_BOOST), Occur.SHOULD);
    }
    return new Text(b.build(), exact, misspelt);
  }

  /** The fuzzy query rewritten to its expansion (a few term queries), kept per view and term. */
  private static Query rewrite(IndexSearcher searcher, Query fuzzy) {
    try {
      return searcher.rewrite(fuzzy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A fuzzy term query that keeps the first {@value #FUZZY_PREFIX} letters (typos rarely hit them,
   * and it makes the term-dictionary walk an order of magnitude cheaper) and expands to at most
   * {@value #FUZZY_EXPANSIONS} terms.
   */
  private static Query fuzzy(String field, String term, int edits) {
    return new FuzzyQuery(new Term(field, term), edits, FUZZY_PREFIX, FUZZY_EXPANSIONS, true);
  }

  /** The misspelt words' terms in this language that no title, keyword or body of it contains. */
  private List<String> unknownTerms(String lang, List<String> misspelt, IndexReader reader) {
    List<String> out = new ArrayList<>();
    try {
      for (String word : misspelt) {
        for (String term : LanguageAnalyzers.terms(analyzers.forIndex(lang), word)) {
          if (term.codePointCount(0, term.length()) >= FUZZY_MIN_LENGTH
              && reader.docFreq(new Term(title(lang), term)) == 0
              && reader.docFreq(new Term(body(lang), term)) == 0
              && reader.docFreq(new Term(keywords(lang), term)) == 0) {
            out.add(term);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** Query words of at least {@value #FUZZY_MIN_LENGTH} letters that no answer in any language contains. */
  private List<String> misspelt(String text, IndexReader reader) {
    List<String> out = new ArrayList<>();
    try {
      for (String word : LanguageAnalyzers.terms(plainWords, text)) {
        if (word.codePointCount(0, word.length()) >= FUZZY_MIN_LENGTH && reader.docFreq(new Term(SPELL, word)) == 0) {
          out.add(word);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static int docCount(IndexReader reader, String field) {
    try {
      return reader.getDocCount(field);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Query> filters(AnswerQuery q) {
    List<Query> f = new ArrayList<>();
    if (!q.includeNotLive() && q.at() != null) {
      f.add(liveFilter.at(q.at()));
    }
    if (q.language() != null) {
      f.add(new TermQuery(new Term(LANGUAGE, q.language().code())));
    }
    if (q.department() != null) {
      f.add(new TermQuery(new Term(DEPARTMENT, q.department())));
    }
    if (q.category() != null) {
      f.add(new TermQuery(new Term(CATEGORY, q.category())));
    }
    if (q.audience() != null) {
      f.add(new TermQuery(new Term(AUDIENCE, q.audience().name())));
    }
    return f;
  }

  /**
   * Published and inside the validity period at {@code at}; nothing when {@code at} is null. The
   * search path uses the cached {@link LiveFilter} instead; this form serves the lookups.
   */
  static List<Query> live(Instant at) {
    if (at == null) {
      return List.of();
    }
    long ms = at.toEpochMilli();
    return List.of(
        new TermQuery(new Term(STATUS, ReviewStatus.PUBLISHED.name())),
        LongField.newRangeQuery(VALID_FROM, Long.MIN_VALUE, ms),
        LongField.newRangeQuery(VALID_UNTIL, ms + 1, Long.MAX_VALUE));
  }
}
