package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LatLonDocValuesField;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.FieldExistsQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.onenumber.core.directory.Language;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.NearestFacility;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * The searcher lifecycle plus the two small lookups: prefix suggestions and nearest facilities.
 *
 * <p>Suggestions: every typed word but the last must be a title word; the last is a prefix of one
 * (or a whole word when the text ends with a space); exact last words rank first. Nearest: live
 * answers with a facility of the type, sorted by distance from the point. Thread-safe.
 */
final class Lookups {

  private final SearcherManager searchers;
  private final Analyzer words = LanguageAnalyzers.plainWords();

  Lookups(SearcherManager searchers) {
    this.searchers = searchers;
  }

  IndexSearcher acquire() {
    try {
      return searchers.acquire();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void release(IndexSearcher searcher) {
    try {
      searchers.release(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void refresh() {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> suggest(String prefix, Language language, int limit, Instant at) {
    List<String> typed = LanguageAnalyzers.terms(words, prefix);
    if (typed.isEmpty()) {
      return List.of();
    }
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    int last = typed.size() - 1;
    for (int i = 0; i < last; i++) {
      b.add(new TermQuery(new Term(WORDS, typed.get(i))), Occur.MUST);
    }
    Term lastWord = new Term(WORDS, typed.get(last));
    boolean complete = Character.isWhitespace(prefix.charAt(prefix.length() - 1));
    b.add(complete ? new TermQuery(lastWord) : new PrefixQuery(lastWord), Occur.MUST);
    b.add(new TermQuery(lastWord), Occur.SHOULD);
    filters(b, language, at);
    return run(searcher -> {
      TopDocs top = searcher.search(b.build(), limit * 4);
      StoredFields stored = searcher.storedFields();
      Set<String> titles = new LinkedHashSet<>();
      for (ScoreDoc sd : top.scoreDocs) {
        titles.add(stored.document(sd.doc, Set.of(TITLE_STORED)).get(TITLE_STORED));
        if (titles.size() == limit) {
          break;
        }
      }
      return List.copyOf(titles);
    });
  }

  List<NearestFacility> nearest(double latitude, double longitude, String type, int limit, Instant at) {
    BooleanQuery.Builder b = new BooleanQuery.Builder();
    b.add(new FieldExistsQuery(LOCATION), Occur.FILTER);
    if (type != null && !type.isBlank()) {
      b.add(new TermQuery(new Term(FACILITY_TYPE, type)), Occur.FILTER);
    }
    filters(b, null, at);
    Sort byDistance = new Sort(LatLonDocValuesField.newDistanceSort(LOCATION, latitude, longitude));
    return run(searcher -> {
      TopDocs top = searcher.search(b.build(), limit, byDistance);
      StoredFields stored = searcher.storedFields();
      List<NearestFacility> out = new ArrayList<>(top.scoreDocs.length);
      for (ScoreDoc sd : top.scoreDocs) {
        Document d = stored.document(sd.doc);
        double meters = (Double) ((FieldDoc) sd).fields[0];
        out.add(new NearestFacility(new AnswerId(d.get(ID)), d.get(TITLE_STORED), AnswerDocuments.facility(d), meters));
      }
      return out;
    });
  }

  private static void filters(BooleanQuery.Builder b, Language language, Instant at) {
    for (Query f : AnswerQueries.live(at)) {
      b.add(f, Occur.FILTER);
    }
    if (language != null) {
      b.add(new TermQuery(new Term(LANGUAGE, language.code())), Occur.FILTER);
    }
  }

  private interface Work<T> {
    T on(IndexSearcher searcher) throws IOException;
  }

  private <T> T run(Work<T> work) {
    IndexSearcher searcher = acquire();
    try {
      return work.on(searcher);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      release(searcher);
    }
  }
}
