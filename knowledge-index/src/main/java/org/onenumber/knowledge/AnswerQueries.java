package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.LongField;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.util.QueryBuilder;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.ReviewStatus;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * Builds the Lucene query for an {@link AnswerQuery}.
 *
 * <ol>
 *   <li>Searchable text ({@link #searchable}): the first {@value #MAX_WORDS} distinct words, at
 *       most {@value #MAX_CHARS} characters (an operator may paste a whole citizen message; the
 *       rest would only multiply clauses past Lucene's limit of 1,024).
 *   <li>Spelling ({@link DidYouMean}): long words no answer contains, their nearest known words,
 *       and the corrected text.
 *   <li>Languages: the requested ones (several: the hits are then ordered by language, {@link
 *       LanguageOrder}), else those of the script that have answers and know the most of the
 *       (corrected) words ({@link QueryLanguages}).
 *   <li>Per language, the text is analysed by its query analyzer (with synonyms) for title (boost
 *       {@value #TITLE_BOOST}) and keywords ({@value #KEYWORDS_BOOST}, when any answer of the
 *       language has keywords), and by its index analyzer for the body ({@value #BODY_BOOST}),
 *       plus the body terms of its one-word synonyms ({@link #oneWordSynonyms}: "쓰레기" also
 *       finds bodies saying "폐기물"; multi-word synonym conjunctions over the body's large
 *       postings cost much and found little). The clauses are spliced into one flat disjunction
 *       ({@link #addFlat}), scored by BM25.
 *   <li>Typo tolerance: for a misspelt word whose analysed terms this language does not know
 *       either (a Korean word with a particle is unknown as typed but known to Nori's stem), each
 *       of its corrections is added as a title query at {@value #FUZZY_BOOST} of the title boost.
 *       One walk of one term dictionary per misspelt word, instead of a fuzzy automaton per
 *       language and field.
 *   <li>Filters (not scored): live only (published, inside validity at the query's instant, from
 *       the cached {@link LiveFilter} bit sets) unless asked otherwise, then language(s),
 *       department, category and audience when given.
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
  /** A synonym in the body is weaker evidence than the citizen's own word (and cheaper to skip). */
  static final float BODY_SYNONYM_BOOST = 0.5f;
  static final int MAX_WORDS = 24;
  static final int MAX_CHARS = 160;

  private final LanguageAnalyzers analyzers;
  private final LiveFilter liveFilter = new LiveFilter();
  private final DidYouMean didYouMean = new DidYouMean();
  private final QueryLanguages queryLanguages;

  AnswerQueries(LanguageAnalyzers analyzers) {
    this.analyzers = analyzers;
    this.queryLanguages = new QueryLanguages(analyzers);
  }

  /**
   * The scored part of a search, the same without the corrections' clauses (what snippets
   * highlight: a guessed spelling should not be marked), and the corrected text, if any.
   */
  record Text(Query scored, Query exact, String suggestion) {}

  /** The scored {@code text} part (null for none) plus the filters of {@code q}. */
  Query withFilters(Query text, AnswerQuery q) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
    for (Query f : filters(q)) {
      b.add(f, Occur.FILTER);
    }
    return b.build();
  }

  /** {@code scored} restricted to answers live at {@code at} in {@code languages} (any when empty). */
  Query liveIn(Query scored, List<Language> languages, Instant at) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(scored, Occur.MUST);
    b.add(liveFilter.at(at), Occur.FILTER);
    if (!languages.isEmpty()) {
      b.add(languageFilter(languages), Occur.FILTER);
    }
    return b.build();
  }

  /** The scored part; null when the text is empty or has no word any language present can search. */
  Text text(AnswerQuery q, IndexReader reader) {
    String text = searchable(q.text());
    if (text.isEmpty()) {
      return null;
    }
    DidYouMean.Spelling spelling = didYouMean.check(text, reader);
    List<String> languages = q.language() != null ? suffixes(q.languages())
        : queryLanguages.of(spelling.suggestion() == null ? text : spelling.suggestion(), reader);
    BooleanQuery.Builder scored = new BooleanQuery.Builder();
    BooleanQuery.Builder exact = new BooleanQuery.Builder();
    boolean any = false;
    for (String lang : languages) {
      Query words = words(analyzers.forQuery(lang), analyzers.forIndex(lang), lang, text, reader);
      if (words == null) {
        continue;
      }
      any = true;
      addFlat(exact, words, 1f);
      addFlat(scored, words, 1f);
      QueryBuilder titles = new QueryBuilder(analyzers.forQuery(lang));
      for (String correction : corrections(lang, spelling, reader)) {
        addFlat(scored, titles.createBooleanQuery(title(lang), correction), FUZZY_BOOST * TITLE_BOOST);
      }
    }
    return any ? new Text(scored.build(), exact.build(), spelling.suggestion()) : null;
  }

  /**
   * A citizen's message as a query: per language (the given ones in order, else those the
   * message's script and words point to), its content words ({@link LanguageAnalyzers#forMessage})
   * over title, keywords and body as {@link #text} weighs them. No spelling corrections: a guess
   * on top of a whole message is noise. Null when no content word is left.
   */
  Query message(String message, List<Language> given, IndexReader reader) {
    String text = searchable(message);
    if (text.isEmpty()) {
      return null;
    }
    List<String> languages = given.isEmpty() ? queryLanguages.of(text, reader) : suffixes(given);
    BooleanQuery.Builder scored = new BooleanQuery.Builder();
    boolean any = false;
    for (String lang : languages) {
      Query words = words(analyzers.forMessage(lang), analyzers.forMessageBody(lang), lang, text, reader);
      if (words != null) {
        any = true;
        addFlat(scored, words, 1f);
      }
    }
    return any ? scored.build() : null;
  }

  /** The field suffixes of {@code languages}, in order, without repeats. */
  static List<String> suffixes(List<Language> languages) {
    return languages.stream().map(l -> LanguageAnalyzers.suffix(l.code())).distinct().toList();
  }

  /** The text's words in one language over title, keywords and body; null when it has none there. */
  private Query words(Analyzer queryAnalyzer, Analyzer bodyAnalyzer, String lang, String text, IndexReader reader) {
    QueryBuilder builder = new QueryBuilder(queryAnalyzer);
    Query title = builder.createBooleanQuery(title(lang), text);
    if (title == null) {
      return null;
    }
    BooleanQuery.Builder one = new BooleanQuery.Builder();
    addFlat(one, title, TITLE_BOOST);
    if (QueryLanguages.docCount(reader, keywords(lang)) > 0) {
      addFlat(one, builder.createBooleanQuery(keywords(lang), text), KEYWORDS_BOOST);
    }
    Query bodyWords = new QueryBuilder(bodyAnalyzer).createBooleanQuery(body(lang), text);
    addFlat(one, bodyWords, BODY_BOOST);
    for (Term synonym : oneWordSynonyms(title, body(lang), bodyWords)) {
      one.add(new BoostQuery(new TermQuery(synonym), BODY_SYNONYM_BOOST), Occur.SHOULD);
    }
    return one.build();
  }

  /**
   * The one-word synonyms the query analyzer added to the title query {@code expanded}, as terms
   * of {@code bodyField}, that the text's own body words ({@code own}) do not have (the same
   * analysis, so no second pass over the text). Multi-word synonym paths (conjunctions) are left
   * out: over the body's large postings they cost much and found little.
   */
  static Set<Term> oneWordSynonyms(Query expanded, String bodyField, Query own) {
    Set<Term> titleTerms = new LinkedHashSet<>();
    collectOneWordTerms(expanded, titleTerms);
    Set<Term> out = new LinkedHashSet<>();
    titleTerms.forEach(t -> out.add(new Term(bodyField, t.bytes())));
    if (own != null) {
      Set<Term> ownTerms = new HashSet<>();
      own.visit(QueryVisitor.termCollector(ownTerms));
      out.removeAll(ownTerms);
    }
    return out;
  }

  private static void collectOneWordTerms(Query q, Set<Term> out) {
    switch (q) {
      case null -> { }
      case TermQuery t -> out.add(t.getTerm());
      case SynonymQuery s -> out.addAll(s.getTerms());
      case BoostQuery b -> collectOneWordTerms(b.getQuery(), out);
      case BooleanQuery b -> b.clauses().stream().filter(c -> c.occur() == Occur.SHOULD)
          .forEach(c -> collectOneWordTerms(c.query(), out));
      default -> { }
    }
  }

  /** The first {@value #MAX_WORDS} distinct whitespace-separated words, cut at {@value #MAX_CHARS} characters. */
  static String searchable(String text) {
    Set<String> seen = new HashSet<>();
    StringBuilder out = new StringBuilder();
    for (String word : text.strip().split("\\s+")) {
      if (seen.size() == MAX_WORDS || out.length() >= MAX_CHARS) {
        break;
      }
      if (!word.isEmpty() && seen.add(word.toLowerCase(java.util.Locale.ROOT))) {
        out.append(out.isEmpty() ? "" : " ").append(word);
      }
    }
    if (out.length() <= MAX_CHARS) {
      return out.toString();
    }
    return out.substring(0, Character.isHighSurrogate(out.charAt(MAX_CHARS - 1)) ? MAX_CHARS - 1 : MAX_CHARS);
  }

  /**
   * The corrections of the misspelt words that this language does not know either once analysed
   * (a Korean word with a particle attached is unknown as typed but known to Nori's stem).
   */
  private List<String> corrections(String lang, DidYouMean.Spelling spelling, IndexReader reader) {
    List<String> out = new ArrayList<>();
    for (var e : spelling.corrections().entrySet()) {
      if (!e.getValue().isEmpty() && unknown(lang, e.getKey(), reader)) {
        out.addAll(e.getValue());
      }
    }
    return out;
  }

  /** True when some long term of {@code word}, analysed as {@code lang} indexes it, is in no title, keyword or body of it. */
  private boolean unknown(String lang, String word, IndexReader reader) {
    for (String term : LanguageAnalyzers.terms(analyzers.forIndex(lang), word)) {
      if (term.codePointCount(0, term.length()) >= DidYouMean.MIN_LENGTH
          && !QueryLanguages.known(reader, term, title(lang), body(lang), keywords(lang))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Adds {@code q} with {@code boost} as optional clauses of {@code b}: a pure disjunction is
   * spliced in clause by clause (same scores: a sum of sums), so the top-level scorer sees every
   * term clause and can skip the ones that cannot make the top hits (MaxScore works per clause).
   */
  static void addFlat(BooleanQuery.Builder b, Query q, float boost) {
    if (q == null) {
      return;
    }
    if (q instanceof BoostQuery bq) {
      addFlat(b, bq.getQuery(), boost * bq.getBoost());
    } else if (q instanceof BooleanQuery bool && bool.getMinimumNumberShouldMatch() == 0
        && bool.clauses().stream().allMatch(c -> c.occur() == Occur.SHOULD)) {
      bool.clauses().forEach(c -> addFlat(b, c.query(), boost));
    } else {
      b.add(boost == 1f ? q : new BoostQuery(q, boost), Occur.SHOULD);
    }
  }

  List<Query> filters(AnswerQuery q) {
    List<Query> f = new ArrayList<>();
    if (!q.includeNotLive() && q.at() != null) {
      f.add(liveFilter.at(q.at()));
    }
    if (q.language() != null) {
      f.add(languageFilter(q.languages()));
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

  /** Answers in one of {@code languages} (at least one). */
  static Query languageFilter(List<Language> languages) {
    if (languages.size() == 1) {
      return new TermQuery(new Term(LANGUAGE, languages.getFirst().code()));
    }
    BooleanQuery.Builder any = new BooleanQuery.Builder();
    languages.forEach(l -> any.add(new TermQuery(new Term(LANGUAGE, l.code())), Occur.SHOULD));
    return any.build();
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
