package org.onenumber.knowledge.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerHit;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.knowledge.LuceneAnswerIndex;
import org.onenumber.knowledge.faq.FaqTsvLoader;
import org.onenumber.knowledge.relevance.RelevanceCase;
import org.onenumber.knowledge.relevance.RelevanceFigures;
import org.onenumber.knowledge.relevance.RelevanceHarness;

/**
 * The load driver behind {@code bin/bench search}.
 *
 * <ol>
 *   <li>Build the corpus ({@link BenchCorpus}) and load it into a {@link LuceneAnswerIndex} on disk
 *       (full rebuild, with progress) and into PostgreSQL ({@link PostgresFts}).
 *   <li>Warm both up (Lucene {@value #WARM_UP_ROUNDS} rounds, about a second: until the JIT has
 *       compiled the search path, as in a server that has been running), then run the fixed query set single-client ({@value #SINGLE_ROUNDS} rounds on
 *       Lucene, {@value #PG_ROUNDS} on PostgreSQL) and multi-client for {@value #MULTI_SECONDS} s
 *       per thread count, through {@code AnswerIndex.search} exactly as the HTTP API calls it.
 *   <li>Measure edit-to-visible time: change a title, poll search until the edited answer comes
 *       back with the new word.
 *   <li>MRR@10 of the development set on both engines (a variant {@code ~k} credits its base).
 *   <li>Print the table and the {@code RESULT} line.
 * </ol>
 *
 * Arguments: {@code <shared faq tsv> <index dir> <jdbc url> <user> <password>}. With {@code
 * -Dbench.luceneOnly=true} (for profiling) only the Lucene single-client figures are measured.
 */
public final class SearchBench {

  static final int DOCS = 100_000;
  static final int WARM_UP_ROUNDS = 10;
  static final int SINGLE_ROUNDS = 20;
  static final int PG_ROUNDS = 2;
  static final int MULTI_SECONDS = 5;
  static final Instant AT = Instant.parse("2026-06-01T00:00:00Z");

  private SearchBench() {}

  public static void main(String[] args) throws Exception {
    Path tsv = Path.of(args[0]);
    Path indexDir = Path.of(args[1]);
    PostgresFts pg = new PostgresFts(args[2], args[3], args[4]);
    List<AnswerContent> faq = FaqTsvLoader.read(tsv);
    List<Answer> corpus = BenchCorpus.build(faq, BenchCorpus.korean(), DOCS);
    List<RelevanceCase> dev = RelevanceHarness.developmentSet();
    List<String> queries = querySet(dev);
    System.out.printf("corpus: %d answers (%d shared FAQ, %d Korean bases, rest variants); %d queries%n",
        corpus.size(), faq.size(), BenchCorpus.korean().size(), queries.size());

    Table table = new Table();
    deleteRecursively(indexDir);
    try (LuceneAnswerIndex index = LuceneAnswerIndex.open(indexDir)) {
      long t0 = System.nanoTime();
      index.rebuild(corpus.iterator(), corpus.size());
      double buildSeconds = (System.nanoTime() - t0) / 1e9;
      table.row("lucene rebuild", String.format(Locale.ROOT, "%.1f s, %.0f docs/s", buildSeconds,
          index.rebuildProgress().docsPerSecond()));
      if (Boolean.getBoolean("bench.luceneOnly")) {
        Engine lucene = measureLucene(index, corpus, queries, dev);
        table.latency("lucene single client", lucene.single());
        table.latency("lucene CPU time per query", lucene.cpu());
        table.print();
        return;
      }
      t0 = System.nanoTime();
      pg.load(corpus);
      table.row("postgres load+tsvector+GIN", String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9));

      Engine lucene = measureLucene(index, corpus, queries, dev);
      Engine postgres = measurePostgres(pg, queries, dev);
      report(table, corpus.size(), lucene, postgres);
    }
  }

  /** What one engine measured; {@code cpu} and {@code visible} are empty for PostgreSQL. */
  private record Engine(Latencies single, Latencies cpu, double qps2, double qps4, Latencies visible,
      RelevanceFigures dev) {}

  private static Engine measureLucene(LuceneAnswerIndex index, List<Answer> corpus, List<String> queries,
      List<RelevanceCase> dev) throws InterruptedException {
    Function<String, List<String>> lucene = q -> ids(index, q);
    Drivers.warmUp(lucene, queries, WARM_UP_ROUNDS);
    Latencies cpu = new Latencies();
    Latencies single = Drivers.single(lucene, queries, SINGLE_ROUNDS, cpu);
    double qps2 = Drivers.multi(() -> lucene, queries, 2, MULTI_SECONDS);
    double qps4 = Drivers.multi(() -> lucene, queries, 4, MULTI_SECONDS);
    Latencies visible = Drivers.editToVisible(index, corpus, 30);
    return new Engine(single, cpu, qps2, qps4, visible, RelevanceHarness.evaluate(dev, q -> base(lucene.apply(q))));
  }

  private static Engine measurePostgres(PostgresFts pg, List<String> queries, List<RelevanceCase> dev)
      throws java.sql.SQLException, InterruptedException {
    Latencies single;
    RelevanceFigures figures;
    try (PostgresFts.Searcher searcher = pg.new Searcher()) {
      Drivers.warmUp(searcher::search, queries, 1);
      single = Drivers.single(searcher::search, queries, PG_ROUNDS);
      figures = RelevanceHarness.evaluate(dev, q -> base(searcher.search(q)));
    }
    double qps4 = Drivers.multi(Drivers.pgClients(pg), queries, 4, MULTI_SECONDS);
    return new Engine(single, new Latencies(), 0, qps4, new Latencies(), figures);
  }

  private static void report(Table table, int docs, Engine lucene, Engine pg) {
    table.latency("lucene single client", lucene.single());
    table.latency("lucene CPU time per query", lucene.cpu());
    table.row("lucene 2 clients", String.format(Locale.ROOT, "%.0f q/s", lucene.qps2()));
    table.row("lucene 4 clients", String.format(Locale.ROOT, "%.0f q/s", lucene.qps4()));
    table.latency("postgres single client", pg.single());
    table.row("postgres 4 clients", String.format(Locale.ROOT, "%.0f q/s", pg.qps4()));
    table.row("edit visible (30 edits)", String.format(Locale.ROOT, "p50 %.1f ms, max %.1f ms",
        lucene.visible().percentileMicros(50) / 1000.0, lucene.visible().percentileMicros(100) / 1000.0));
    table.row("dev set lucene", lucene.dev().toString());
    table.row("dev set postgres", pg.dev().toString());
    table.row("load average", Drivers.loadAverage());
    table.print();
    long p99 = lucene.single().percentileMicros(99);
    long pgP99 = pg.single().percentileMicros(99);
    System.out.printf(Locale.ROOT,
        "RESULT search docs=%d p50_us=%d p99_us=%d qps=%.0f pg_p50_us=%d pg_p99_us=%d pg_qps=%.0f p99_ratio=%.1f"
            + " mrr10=%.3f pg_mrr10=%.3f visible_max_ms=%.1f cpu_p50_us=%d cpu_p99_us=%d%n",
        docs, lucene.single().percentileMicros(50), p99, Math.max(lucene.qps2(), lucene.qps4()),
        pg.single().percentileMicros(50), pgP99, pg.qps4(), (double) pgP99 / Math.max(1, p99),
        lucene.dev().mrr10(), pg.dev().mrr10(), lucene.visible().percentileMicros(100) / 1000.0,
        lucene.cpu().percentileMicros(50), lucene.cpu().percentileMicros(99));
  }

  /** The API's search path: any language, live answers, first page of ten. */
  static List<String> ids(LuceneAnswerIndex index, String q) {
    return index.search(AnswerQuery.of(q, AT)).hits().stream().map(AnswerHit::externalId).toList();
  }

  private static List<String> base(List<String> ids) {
    return ids.stream().map(BenchCorpus::baseId).toList();
  }

  /** English queries (fixed list plus the 2–4-word development queries) and Korean queries. */
  static List<String> querySet(List<RelevanceCase> dev) throws IOException {
    List<String> out = new ArrayList<>(lines("queries-en.txt"));
    for (RelevanceCase c : dev) {
      int words = c.query().split("\\s+").length;
      if (words >= 2 && words <= 4) {
        out.add(c.query());
      }
    }
    out.addAll(lines("queries-ko.txt"));
    return out;
  }

  private static List<String> lines(String resource) throws IOException {
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        SearchBench.class.getResourceAsStream(resource), StandardCharsets.UTF_8))) {
      return r.lines().map(String::strip).filter(s -> !s.isEmpty() && !s.startsWith("#")).toList();
    }
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (var paths = Files.walk(dir)) {
      for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
