package org.onenumber.knowledge;

import static org.onenumber.knowledge.AnswerFields.*;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.core.knowledge.AnswerSearchResult;
import org.onenumber.core.knowledge.FacetCount;
import org.onenumber.core.knowledge.NearestFacility;
import org.onenumber.core.knowledge.RebuildProgress;
import org.onenumber.core.knowledge.SuggestionQuery;
import org.onenumber.core.port.out.AnswerIndex;
import org.onenumber.knowledge.analysis.LanguageAnalyzers;

/**
 * The answer index on Lucene: BM25 search with per-language analysis, facets, snippets,
 * did-you-mean, prefix suggestions and nearest facilities, updated near-real-time.
 *
 * <p>Threads: thread-safe. Searches run on the caller's thread against the current {@link
 * SearcherManager} view. Two daemon threads ({@code knowledge-index-background-N}) reopen the view
 * {@value #COALESCE_MILLIS} ms after a change (bursts coalesce) and in any case every {@value
 * #REFRESH_MILLIS} ms, and commit every {@value #COMMIT_SECONDS} s when something changed. One
 * rebuild runs at a time.
 *
 * <p>Failures: I/O errors surface as {@link UncheckedIOException}; a failed background refresh or
 * commit is logged and retried on the next tick. The index is derived data: after a crash the last
 * {@value #COMMIT_SECONDS} s of changes may be missing; {@link #versions()} lets the owner find
 * and re-index them ({@link org.onenumber.core.knowledge.AnswerIndexCatchUp}).
 */
public final class LuceneAnswerIndex implements AnswerIndex, Closeable {

  static final long REFRESH_MILLIS = 20;
  static final long COALESCE_MILLIS = 3;
  /** Facet counts describe this many best hits (see {@link FacetCounts}). */
  static final int FACET_WINDOW = 100;
  /** The total is exact up to this many matches and a lower bound beyond (then the search may skip). */
  static final int EXACT_TOTAL_UP_TO = 1_000;
  static final long COMMIT_SECONDS = 5;
  /** Suggestions for a message are chosen among this many best-scored answers. */
  static final int SUGGESTION_CANDIDATES = 10;

  private static final System.Logger LOG = System.getLogger(LuceneAnswerIndex.class.getName());

  private final Directory directory;
  private final LanguageAnalyzers analyzers = new LanguageAnalyzers();
  private final AnswerQueries queries = new AnswerQueries(analyzers);
  private final MessageSuggestions suggestions = new MessageSuggestions(analyzers);
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final Lookups lookups;
  private final Rebuild rebuild;
  private final ScheduledExecutorService background;
  private final java.util.concurrent.atomic.AtomicBoolean refreshPending = new java.util.concurrent.atomic.AtomicBoolean();

  private LuceneAnswerIndex(Directory directory) throws IOException {
    this.directory = directory;
    IndexWriterConfig config = new IndexWriterConfig(new IndexAnalyzer(analyzers));
    config.setRAMBufferSizeMB(64);
    config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
    // a near-real-time flush of one edited answer need not copy its files into a compound file
    config.setUseCompoundFile(false);
    this.writer = new IndexWriter(directory, config);
    this.searchers = new SearcherManager(writer, null);
    this.lookups = new Lookups(searchers);
    this.rebuild = new Rebuild(writer, searchers);
    this.background = Executors.newScheduledThreadPool(2, daemonThreads());
    background.scheduleWithFixedDelay(this::refreshTick, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    background.scheduleWithFixedDelay(this::commitTick, COMMIT_SECONDS, COMMIT_SECONDS, TimeUnit.SECONDS);
  }

  /** Opens (or creates) an index in a directory on disk. */
  public static LuceneAnswerIndex open(Path path) {
    try {
      return new LuceneAnswerIndex(FSDirectory.open(path));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot open the answer index at " + path, e);
    }
  }

  /** An index held in memory, for tests and benchmarks. */
  public static LuceneAnswerIndex inMemory() {
    try {
      return new LuceneAnswerIndex(new ByteBuffersDirectory());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void index(Answer answer) {
    try {
      writer.updateDocument(new Term(ID, answer.id().value()), AnswerDocuments.toDocument(answer));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requestRefresh();
  }

  /** Reopens soon ({@value #COALESCE_MILLIS} ms, coalescing bursts) instead of at the next tick. */
  private void requestRefresh() {
    if (refreshPending.compareAndSet(false, true)) {
      try {
        background.schedule(() -> {
          refreshPending.set(false);
          refreshTick();
        }, COALESCE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException closed) {
        refreshPending.set(false);
      }
    }
  }

  @Override
  public void delete(AnswerId id) {
    try {
      writer.deleteDocuments(new Term(ID, id.value()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    requestRefresh();
  }

  @Override
  public void refresh() {
    if (!rebuild.running()) {
      lookups.refresh();
    }
  }

  @Override
  public AnswerSearchResult search(AnswerQuery q) {
    IndexSearcher searcher = lookups.acquire();
    try {
      return search(searcher, q);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lookups.release(searcher);
    }
  }

  private AnswerSearchResult search(IndexSearcher searcher, AnswerQuery q) throws IOException {
    AnswerQueries.Text text = queries.text(q, searcher.getIndexReader());
    // no text lists every answer that passes the filters; text with no searchable word finds none
    Query scored = text != null ? text.scored() : q.text().isEmpty() ? null : new MatchNoDocsQuery();
    Query query = queries.withFilters(scored, q);
    int wanted = (q.page() + 1) * q.pageSize();
    var top = new TopScoreDocCollectorManager(Math.max(wanted, FACET_WINDOW), null, EXACT_TOTAL_UP_TO);
    TopDocs all = searcher.search(query, top);
    ScoreDoc[] ranked = LanguageOrder.sort(searcher, all.scoreDocs, q.languages());
    int from = Math.min(ranked.length, q.page() * q.pageSize());
    ScoreDoc[] page = Arrays.copyOfRange(ranked, from, Math.min(ranked.length, wanted));
    List<AnswerHit> hits = hits(searcher, text == null ? null : text.exact(), page);
    Map<String, List<FacetCount>> facets = new LinkedHashMap<>();
    ScoreDoc[] window = Arrays.copyOf(all.scoreDocs, Math.min(all.scoreDocs.length, FACET_WINDOW));
    facets.put("department", FacetCounts.count(searcher, window, DEPARTMENT));
    facets.put("category", FacetCounts.count(searcher, window, CATEGORY));
    return new AnswerSearchResult(all.totalHits.value(), hits, facets, text == null ? null : text.suggestion());
  }

  /** The page's hits with a snippet each (highlighting {@code text}; none without text). */
  private static List<AnswerHit> hits(IndexSearcher searcher, Query text, ScoreDoc[] page) throws IOException {
    String[] snippets = new String[page.length];
    if (text != null && page.length > 0) {
      String[] bodies = HitFields.languageSuffixes(searcher, page);
      Arrays.setAll(bodies, i -> AnswerFields.body(bodies[i]));
      snippets = Snippets.of(searcher, text, HitFields.docs(page), bodies);
    }
    return List.of(HitFields.read(searcher, page, snippets));
  }

  /**
   * The best {@value #SUGGESTION_CANDIDATES} live answers for the message's content words ({@link
   * AnswerQueries#message}), of which those above the relevance floor ({@link MessageSuggestions}),
   * in the order of the languages asked for ({@link LanguageOrder}), with snippets highlighting
   * those words only.
   */
  @Override
  public List<AnswerHit> suggestFor(SuggestionQuery q) {
    IndexSearcher searcher = lookups.acquire();
    try {
      Query words = queries.message(q.message(), q.languages(), searcher.getIndexReader());
      if (words == null) {
        return List.of();
      }
      TopDocs top = searcher.search(queries.liveIn(words, q.languages(), q.at()), SUGGESTION_CANDIDATES);
      ScoreDoc[] relevant = suggestions.relevant(searcher, q.message(), top.scoreDocs, q.limit());
      return hits(searcher, words, LanguageOrder.sort(searcher, relevant, q.languages()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lookups.release(searcher);
    }
  }

  @Override
  public List<String> suggest(String prefix, Language language, int limit, Instant at) {
    if (limit < 1 || limit > 50) {
      throw new InvalidInputException("limit must be 1..50");
    }
    return lookups.suggest(prefix == null ? "" : prefix, language, limit, at);
  }

  @Override
  public List<NearestFacility> nearest(double latitude, double longitude, String type, int limit, Instant at) {
    if (limit < 1 || limit > 100) {
      throw new InvalidInputException("limit must be 1..100");
    }
    return lookups.nearest(latitude, longitude, type, limit, at);
  }

  @Override
  public void rebuild(Iterator<Answer> answers, long expected) {
    rebuild.run(answers, expected);
  }

  @Override
  public RebuildProgress rebuildProgress() {
    return rebuild.progress();
  }

  @Override
  public long size() {
    IndexSearcher searcher = lookups.acquire();
    try {
      return searcher.getIndexReader().numDocs();
    } finally {
      lookups.release(searcher);
    }
  }

  @Override
  public Map<AnswerId, Long> versions() {
    lookups.refresh();
    IndexSearcher searcher = lookups.acquire();
    try {
      return HitFields.versions(searcher.getIndexReader());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      lookups.release(searcher);
    }
  }

  @Override
  public void close() {
    // shutdown, not shutdownNow: an interrupt during a refresh closes the index files' channels,
    // a tragic event for the IndexWriter, which then loses everything since its last commit
    background.shutdown();
    try {
      background.awaitTermination(5, TimeUnit.SECONDS);
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void refreshTick() {
    if (rebuild.running()) {
      return;
    }
    try {
      searchers.maybeRefresh();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "answer index refresh failed; retrying", e);
    }
  }

  private void commitTick() {
    if (rebuild.running() || !writer.hasUncommittedChanges()) {
      return;
    }
    try {
      writer.commit();
    } catch (IOException | RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "answer index commit failed; retrying", e);
    }
  }

  private static java.util.concurrent.ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "knowledge-index-background-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
