package org.onenumber.knowledge.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerContent;
import org.onenumber.core.knowledge.AnswerQuery;
import org.onenumber.knowledge.LuceneAnswerIndex;

/**
 * The ways the benchmark drives a search function: sequential rounds, N client threads for a
 * fixed time (each client its own function instance, named threads), and edit-to-visible polling.
 */
final class Drivers {

  private Drivers() {}

  static void warmUp(Function<String, List<String>> search, List<String> queries, int rounds) {
    for (int r = 0; r < rounds; r++) {
      queries.forEach(search::apply);
    }
  }

  static Latencies single(Function<String, List<String>> search, List<String> queries, int rounds) {
    return single(search, queries, rounds, new Latencies());
  }

  /**
   * Wall-clock latencies; {@code cpu} receives the calling thread's CPU time per query, which does
   * not grow when other processes take the cores (the machine is shared).
   */
  static Latencies single(Function<String, List<String>> search, List<String> queries, int rounds, Latencies cpu) {
    java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
    Latencies l = new Latencies();
    for (int r = 0; r < rounds; r++) {
      for (String q : queries) {
        long c = threads.getCurrentThreadCpuTime();
        long t = System.nanoTime();
        search.apply(q);
        l.add(System.nanoTime() - t);
        cpu.add(threads.getCurrentThreadCpuTime() - c);
      }
    }
    return l;
  }

  /** Queries per second with {@code threads} clients looping over the queries for {@code seconds}. */
  static double multi(Supplier<Function<String, List<String>>> clients, List<String> queries, int threads, int seconds)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + seconds * 1_000_000_000L;
    CountDownLatch finished = new CountDownLatch(threads);
    List<Thread> started = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int offset = t * 17;
      Function<String, List<String>> client = clients.get();
      Thread thread = new Thread(() -> {
        try {
          for (int i = offset; System.nanoTime() < end; i++) {
            client.apply(queries.get(i % queries.size()));
            done.incrementAndGet();
          }
        } finally {
          finished.countDown();
        }
      }, "bench-client-" + t);
      thread.start();
      started.add(thread);
    }
    finished.await();
    return done.get() / (double) seconds;
  }

  /** One PostgreSQL connection per client thread. */
  static Supplier<Function<String, List<String>>> pgClients(PostgresFts pg) {
    return () -> {
      try {
        PostgresFts.Searcher s = pg.new Searcher();
        return s::search;
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** Poll interval of the edit-to-visible probe: a spinning probe took a core from the refresher. */
  static final long POLL_NANOS = 500_000;

  /**
   * Changes the title of {@code n} answers, each time polling search (every {@value #POLL_NANOS}
   * ns) until the edited answer comes back with the new word in its title. The words are random
   * letters, many edits apart, so typo tolerance cannot find the previous edit's word instead.
   */
  static Latencies editToVisible(LuceneAnswerIndex index, List<Answer> corpus, int n) {
    Latencies l = new Latencies();
    for (int i = 0; i < n; i++) {
      Answer a = corpus.get(i * 997 % corpus.size());
      String marker = marker(i);
      AnswerContent c = a.content();
      AnswerContent edited = new AnswerContent(c.externalId(), c.title() + " " + marker, c.body(), c.language(),
          c.department(), c.category(), c.keywords(), c.synonyms(), c.audience(), c.validity(), c.facility());
      long t = System.nanoTime();
      index.index(new Answer(a.id(), edited, a.status(), a.version() + 1, "bench", a.changedAt()));
      while (index.search(AnswerQuery.of(marker, SearchBench.AT)).hits().stream()
          .noneMatch(h -> h.id().equals(a.id()) && h.title().contains(marker))) {
        java.util.concurrent.locks.LockSupport.parkNanos(POLL_NANOS);
      }
      l.add(System.nanoTime() - t);
    }
    return l;
  }

  /** Twelve pseudo-random letters, fixed per {@code i}. */
  static String marker(int i) {
    java.util.Random random = new java.util.Random(0x5eed + i);
    StringBuilder b = new StringBuilder("zq");
    for (int k = 0; k < 10; k++) {
      b.append((char) ('a' + random.nextInt(26)));
    }
    return b.toString();
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip() + " (2 cores shared)";
    } catch (java.io.IOException e) {
      return "unknown";
    }
  }
}
