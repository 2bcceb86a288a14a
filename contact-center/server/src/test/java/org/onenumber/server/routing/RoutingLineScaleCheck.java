package org.onenumber.server.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.Queue;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.AgentStatus;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.QueueConfig;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.core.routing.RoutingEngine;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.cluster.SingleNodeOwnership;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcContactJournal;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.testkit.ManualClock;
import org.onenumber.testkit.TestData;

/**
 * Issue 17's NYC record day in one process: routing's real batch ({@link RoutingQueue}, {@link
 * JournaledEngine}, {@link JdbcRoutingRecord}) with 500 agents all busy and a long line, then a burst
 * of arrivals and abandons sent by many threads at once, each waiting for its answer as a FastAGI
 * session does, with or without a read between them (a position or call-state read, which
 * splits the batch). Prints commands/s, commands per commit, engine µs per command and commit ms;
 * asserts no timing; also statements per commit and how long an operator's read in their own lane
 * waited during the burst (session 17). Runs only when asked: {@code bin/bench routing-line} ({@code
 * -Droute.scale.line=N}, {@code -Droute.scale.db=postgres}, {@code -Droute.scale.commit-latency-ms=N}).
 */
class RoutingLineScaleCheck {

  private static final int AGENTS = 500;
  /** Added to each commit (-Droute.scale.commit-latency-ms): a database busy with the rest of the day. */
  private static final long LATENCY_MS = Long.getLong("route.scale.commit-latency-ms", 0);
  private static final QueueId QUEUE = new QueueId("nyc-general");
  /** PostgreSQL's multi-row inserts for JDBC batches (-Droute.scale.rewrite=false: one execution per row). */
  private static final boolean REWRITE = !"false".equals(System.getProperty("route.scale.rewrite"));
  private final ManualClock clock = new ManualClock();

  @Test
  void aBurstOfArrivalsAndAbandonsWithALongLine() throws Exception {
    String line = System.getProperty("route.scale.line");
    Assumptions.assumeTrue(line != null, "a scale check: bin/bench routing-line");
    int waiting = Integer.parseInt(line);
    int burst = Integer.getInteger("route.scale.burst", 4000);
    int threads = Integer.getInteger("route.scale.threads", 400);
    boolean postgres = "postgres".equals(System.getProperty("route.scale.db"));
    for (boolean reads : List.of(false, true)) {
      run(postgres, waiting, burst, threads, reads);
    }
  }

  private void run(boolean postgres, int waiting, int burst, int threads, boolean reads) throws Exception {
    DataSource source = postgres ? pooled(TestDatabases.postgresMigrated("routeline")) : TestDatabases.h2();
    if (source instanceof com.zaxxer.hikari.HikariDataSource pool
        && pool.getDataSource() instanceof org.postgresql.ds.PGSimpleDataSource pg) {
      pg.setReWriteBatchedInserts(REWRITE); // as application-postgres.yml sets it (session 17)
    }
    Jdbc jdbc = new Jdbc(source);
    JsonMapper json = JsonMapper.createDefault();
    JdbcContactJournal journal = new JdbcContactJournal(jdbc, json);
    Timed record = new Timed(new JdbcRoutingRecord(jdbc, journal, new JdbcDirectory(jdbc),
        new RoutingStore(jdbc, json, clock), clock, Duration.ofDays(30),
        new SingleNodeOwnership()));
    JournaledEngine routing = new JournaledEngine(() -> new RoutingEngine(clock, new SplittableRandom(7),
        Duration.ofHours(1), Duration.ofMinutes(3)), record, (e, d) -> { });
    ExecutorService context = Executors.newSingleThreadExecutor();
    AtomicLong busyNanos = new AtomicLong();
    AtomicInteger published = new AtomicInteger();
    RoutingQueue queue = new RoutingQueue(task -> context.execute(() -> {
      long start = System.nanoTime();
      task.run();
      busyNanos.addAndGet(System.nanoTime() - start);
    }), routing, new RoutingQueue.Host() {
      @Override
      public void prepare(RoutingCommand command) {
      }

      @Override
      public void publish(Decisions decisions) {
        published.incrementAndGet();
      }

      @Override
      public void recover() {
      }
    });
    jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
        + " values ('c-nyc', 'caller', 'en', true, false, false)");
    List<Agent> agents = new ArrayList<>();
    for (int a = 0; a < AGENTS; a++) {
      String id = "op-%04d".formatted(a);
      jdbc.update("insert into agent (id, name, skills, languages, max_messaging, queues, state) values"
          + " (?, ?, '', 'en', 3, ?, 'OFFLINE')", id, "Operator " + a, QUEUE.value());
      agents.add(TestData.agent(id, Set.of(Language.ENGLISH), Set.of(), QUEUE.value()));
    }
    record.configs.add(QueueConfig.defaults(new Queue(QUEUE, "general", Set.of(Language.ENGLISH),
        Set.of(Channel.values()), List.of(), 0, Duration.ofSeconds(20))));
    for (Agent agent : agents) {
      await(queue, new RoutingCommand.LogIn(agent, Set.of(), null));
    }
    List<ContactId> line = new ArrayList<>();
    seed(journal, queue, AGENTS + waiting, line);
    int before = routing.engine().waitingCount();

    List<ContactId> leaving = new ArrayList<>(line.subList(AGENTS, line.size()));
    Collections.shuffle(leaving, new java.util.Random(17));
    List<Contact> arriving = intake(journal, "new-", burst / 2).stream() // read back before the burst: its
        .map(c -> journal.find(c.id()).orElseThrow()).toList();           // statements are routing's alone
    record.reset();
    busyNanos.set(0);
    published.set(0);
    ExecutorService callers = Executors.newFixedThreadPool(threads);
    List<Future<?>> done = new ArrayList<>();
    long statementsBefore = jdbc.statements();
    java.util.concurrent.atomic.AtomicBoolean bursting = new java.util.concurrent.atomic.AtomicBoolean(true);
    List<Long> staffWaits = Collections.synchronizedList(new ArrayList<>());
    Thread operator = Thread.ofPlatform().name("operator-reads").start(() -> {
      while (bursting.get()) { // an operator's console read in their own lane, every 5 ms, during the burst
        long asked = System.nanoTime();
        CompletableFuture<Object> seen = new CompletableFuture<>();
        queue.readForStaff(() -> seen.complete(routing.engine().waitingCount()));
        seen.join();
        staffWaits.add(System.nanoTime() - asked);
        java.util.concurrent.locks.LockSupport.parkNanos(5_000_000);
      }
    });
    long start = System.nanoTime();
    for (int i = 0; i < burst / 2; i++) {
      ContactId gone = leaving.get(i);
      Contact fresh = arriving.get(i);
      done.add(callers.submit(() -> {
        if (reads) {
          read(queue, routing, gone);
        }
        await(queue, new RoutingCommand.Abandon(gone, "hung-up"));
      }));
      done.add(callers.submit(() -> {
        await(queue, new RoutingCommand.Arrive(fresh));
        if (reads) {
          read(queue, routing, fresh.id());
        }
      }));
    }
    for (Future<?> f : done) {
      f.get(10, TimeUnit.MINUTES);
    }
    long wall = System.nanoTime() - start;
    bursting.set(false);
    operator.join();
    long statements = jdbc.statements() - statementsBefore;
    List<Long> waits = new ArrayList<>(staffWaits);
    Collections.sort(waits);
    double staffP99 = waits.isEmpty() ? Double.NaN : waits.get(Math.min(waits.size() - 1, (int) (waits.size() * 0.99))) / 1e6;
    callers.shutdown();
    assertEquals(before, routing.engine().waitingCount(), "as many arrived as left");
    int commands = published.get();
    double commitMs = record.nanos.get() / 1e6;
    System.out.printf("RESULT routing-line db=%s waiting=%d agents=%d burst=%d threads=%d latency_ms=%d reads=%s commands=%d"
        + " commands_per_s=%.0f commits=%d commands_per_commit=%.1f engine_us_per_command=%.1f"
        + " commit_ms_per_batch=%.2f commit_share=%.2f statements_per_commit=%.1f rewrite=%s staff_read_p99_ms=%.1f"
        + " staff_reads=%d%n", postgres ? "postgres" : "h2", waiting, AGENTS, burst,
        threads, LATENCY_MS, reads, commands, commands / (wall / 1e9), record.commits.get(),
        commands / (double) Math.max(1, record.commits.get()),
        (busyNanos.get() - record.nanos.get()) / 1e3 / commands, commitMs / Math.max(1, record.commits.get()),
        record.nanos.get() / (double) busyNanos.get(), statements / (double) Math.max(1, record.commits.get()),
        postgres && REWRITE, staffP99, waits.size());
    context.shutdown();
    if (source instanceof AutoCloseable pool) {
      pool.close();
    }
  }

  /** Journals the line's contacts as intake does and routes them: the first {@code AGENTS} are offered and accepted. */
  private void seed(JdbcContactJournal journal, RoutingQueue queue, int count, List<ContactId> line) {
    List<CompletableFuture<Decisions>> answers = new ArrayList<>();
    List<Contact> contacts = intake(journal, "line-", count);
    for (int i = 0; i < count; i++) {
      if (i == AGENTS) {
        for (int a = 0; a < AGENTS; a++) {
          AgentId agent = answers.get(a).join().contacts().getFirst().agent();
          await(queue, new RoutingCommand.Accept(agent, line.get(a)));
        }
      }
      line.add(contacts.get(i).id());
      CompletableFuture<Decisions> answer = new CompletableFuture<>();
      queue.add(new RoutingQueue.Answered(new RoutingCommand.Arrive(contacts.get(i)), answer));
      answers.add(answer);
    }
    answers.forEach(CompletableFuture::join);
  }

  /** {@code count} queued contacts journaled as intake does (in chunks, to seed quickly), 1 ms apart. */
  private List<Contact> intake(JdbcContactJournal journal, String prefix, int count) {
    List<Contact> all = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant at = clock.advance(Duration.ofMillis(1));
      all.add(Contact.create(new ContactId(prefix + i), Channel.VOICE, new CitizenId("c-nyc"), Language.ENGLISH,
          Set.of(), 0, "topic", at).moveTo(new ContactStep(ContactState.QUEUED, at, null, QUEUE, "intake")));
    }
    for (int from = 0; from < count; from += 1000) {
      journal.appendAll(all.subList(from, Math.min(count, from + 1000)), id -> List.of());
    }
    return all;
  }

  private static DataSource pooled(DataSource postgres) {
    com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
    config.setDataSource(postgres);
    config.setMaximumPoolSize(4);
    return new com.zaxxer.hikari.HikariDataSource(config);
  }

  private static Decisions await(RoutingQueue queue, RoutingCommand command) {
    CompletableFuture<Decisions> answer = new CompletableFuture<>();
    queue.add(new RoutingQueue.Answered(command, answer));
    return answer.join();
  }

  private static void read(RoutingQueue queue, JournaledEngine routing, ContactId id) {
    CompletableFuture<Object> answer = new CompletableFuture<>();
    queue.read(() -> answer.complete(routing.engine().contact(id)));
    answer.join();
  }

  /** The JDBC record, its commits counted and timed; the configuration given, no sessions at start. */
  private static final class Timed implements RoutingRecord {
    final RoutingRecord jdbc;
    final List<QueueConfig> configs = new ArrayList<>();
    final AtomicLong nanos = new AtomicLong();
    final AtomicInteger commits = new AtomicInteger();

    Timed(RoutingRecord jdbc) {
      this.jdbc = jdbc;
    }

    void reset() {
      nanos.set(0);
      commits.set(0);
    }

    @Override
    public List<QueueConfig> configurations() {
      return configs;
    }

    @Override
    public List<Contact> openContacts() {
      return List.of();
    }

    @Override
    public Map<CitizenId, AgentId> lastAgents() {
      return Map.of();
    }

    @Override
    public List<RoutingCommand> sessionCommands() {
      return List.of();
    }

    @Override
    public void write(Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
      long start = System.nanoTime();
      if (LATENCY_MS > 0) {
        try {
          Thread.sleep(LATENCY_MS); // a busy database's round trip (the city day's server under load)
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      jdbc.write(decisions, agents, loggedOut);
      nanos.addAndGet(System.nanoTime() - start);
      commits.incrementAndGet();
    }

    @Override
    public void write(String partition, Decisions decisions, List<AgentStatus> agents, Set<AgentId> loggedOut) {
      write(decisions, agents, loggedOut);
    }
  }
}
