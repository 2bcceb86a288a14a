package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.core.ConditionTimeoutException;

/**
 * The three-node cluster behind a real load balancer under load, its busiest partition's owner struck
 * by a {@link Fault} (issue 11; the kill of session 15, the freeze of session 16). Three server JVMs on
 * one PostgreSQL with the partitions of {@link TestCluster#partitioned} ({@code city}: messaging-ko and
 * general-ko; {@code routing}: the rest), each trusting the balancer's address; HAProxy in front as
 * {@code bin/haproxy-config} configures it ({@code /health} checks, Twilio's webhooks to {@code city}'s
 * owner by its per-partition readiness). Everything goes through HAProxy, as citizens and operators
 * would: signed SMS webhooks and intake posts ({@link AckedLoad}), citizens chatting ({@link
 * ChatCitizens}: resume after a broken socket), operators accepting on their consoles ({@link
 * SimulatedOperators}: reconnect after a broken socket). Measured ({@link Watch}): {@code recover_s}
 * (fault → a survivor's readiness for the partition 200), {@code lb_out_s} (fault → HAProxy marks the
 * victim DOWN), {@code lb_arrivals_s} (fault → HAProxy sends webhooks to the new owner), what citizens
 * saw after the fault (answers by status, chat resumes and {@code unavailable}s), and the fault's own
 * figures.
 *
 * <p>What "acknowledged" means behind the balancer: a 2xx answer. A webhook answered 502, 503 or not
 * at all is not acknowledged; Twilio sends it again (same MessageSid), as this run does through the
 * balancer once the load stops, and it must then be 200 and stored once, even when the first attempt's
 * commit had landed. Then: lost, duplicated (webhooks, intake, chat messages), double_assigned
 * (journal), accepted_twice and engine≠journal are 0, and the partition moved within 5 s.
 */
final class LbFaultRun {

  /**
   * What is done to the victim, the owner of the busiest partition: start the {@code watch} at the
   * fault ({@link Watch#run}) and return the scenario's own figures for the RESULT line (in order).
   */
  interface Fault {
    Map<String, String> inject(ServerProcess victim, Watch watch) throws Exception;
  }

  private static final List<String> OPERATORS = List.of("op-001", "op-004");
  private static final Duration FAILOVER_GOAL = Duration.ofSeconds(5);
  private static final Duration LOADED_BEFORE_KILL = Duration.ofSeconds(6);
  private static final int CITIZENS = 4;
  /** Each node's pool (16 in production): three nodes and other tests share the test PostgreSQL's 100 connections. */
  private static final String POOL = "8";

  private LbFaultRun() {}

  /**
   * Runs the scenario {@code scenario} (the RESULT line's name) on a fresh database named {@code
   * databaseName}; {@code event} names the fault in the figures ({@code statuses_after_kill}).
   */
  static void run(String scenario, String databaseName, String event, Fault fault) throws Exception {
    run(scenario, databaseName, event, null, fault);
  }

  /**
   * As {@link #run(String, String, String, Fault)}, the operators wrapping each SMS up as the console
   * does ({@code wrapUps}, messaging-ko's wrap-up time {@value OperatorWrapUps#WRAP_UP_SECONDS} s):
   * the RESULT line gains {@link OperatorWrapUps#check}'s figures, and none may be lost or doubled.
   */
  static void run(String scenario, String databaseName, String event, OperatorWrapUps wrapUps, Fault fault)
      throws Exception {
    TestCluster cluster = TestCluster.partitioned(databaseName, "node-a", "node-b", "node-c")
        .with("onenumber.trusted-proxies", Haproxy.SOURCE)
        .with("datasources.default.maximum-pool-size", POOL); // three nodes within a shared test PostgreSQL's 100
    Map<String, ServerProcess> nodes = cluster.processes();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    String run = "lb" + ProcessHandle.current().pid() % 1000;
    Haproxy.requireInstalled();
    Haproxy haproxy = null;
    SimulatedOperators operators = null;
    AckedLoad load = null;
    ChatCitizens citizens = null;
    Watch watch;
    Map<Integer, Integer> statusesAtKill;
    Map<Integer, Integer> statusesAfter;
    int resumesAtKill;
    int unavailableAtKill;
    int acceptedAtKill;
    int retried = 0;
    Map<String, Integer> engine;
    String busiest;
    Map<String, String> extras;
    try {
      cluster.startProcesses();
      Map<String, URI> addresses = new LinkedHashMap<>();
      nodes.forEach((name, node) -> addresses.put(name, node.uri()));
      haproxy = Haproxy.start(addresses, "city");
      URI front = haproxy.uri();
      // HAProxy may answer 502 while a freshly started node warms up (seen once at load 28): log in again
      String supervisor = await("the supervisor logged in through HAProxy").atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500)).ignoreExceptions().until(() -> Logins.token(http, front, "sv-01"),
              token -> token != null);
      Haproxy balancer = haproxy;
      await("both partitions routed, HAProxy sends webhooks to city's owner").atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(100)).until(() -> owner(http, front, supervisor, "city") != null
              && owner(http, front, supervisor, "routing") != null
              && "UP".equals(balancer.states().get("arrivals/" + owner(http, front, supervisor, "city"))));

      if (wrapUps != null) {
        OperatorWrapUps.shortenWrapUp(http, front, SimulatedOperators.QUEUE);
      }
      operators = new SimulatedOperators(front).wrappingUp(wrapUps).start(OPERATORS);
      load = new AckedLoad(front, run).behindBalancer().start(2, 1);
      citizens = new ChatCitizens(front, run).start(CITIZENS);
      Instant loadStarted = Instant.now();
      SimulatedOperators working = operators;
      AckedLoad acked = load;
      ChatCitizens chatting = citizens;
      awaitOr("the load flows through HAProxy", () -> acked.statuses() + " " + working.activity(), () ->
          acked.acknowledged() >= 40 && working.accepted() >= OPERATORS.size() && chatting.acked().size() >= 20
          && Instant.now().isAfter(loadStarted.plus(LOADED_BEFORE_KILL)));
      busiest = busiest(http, front, supervisor);
      String victim = owner(http, front, supervisor, busiest);
      statusesAtKill = load.statuses();
      resumesAtKill = citizens.resumes();
      unavailableAtKill = citizens.unavailable();
      acceptedAtKill = operators.accepted();
      int ackedAtKill = load.acknowledged();
      int chatsAtKill = citizens.acked().size();
      watch = new Watch(http, haproxy, nodes, victim, busiest, cluster.database());
      extras = new LinkedHashMap<>(fault.inject(nodes.get(victim), watch));
      awaitOr("contacts flow again after the " + event, () -> acked.statuses() + " " + working.activity(), () ->
          acked.acknowledged() >= ackedAtKill + 30 && working.accepted() >= acceptedAtKill + OPERATORS.size()
          && chatting.acked().size() >= chatsAtKill + 20);
      load.stop();
      citizens.stop();
      statusesAfter = load.statuses();
      for (AckedLoad.Webhook webhook : load.unackedWebhooks()) { // Twilio retries what it got no 200 for
        assertEquals(200, load.send(http, webhook), "Twilio's retry of " + webhook.sid() + " through HAProxy");
        retried++;
      }
      operators.stop();
      if (wrapUps != null) {
        wrapUps.awaitDone();
      }
      operators.logOut(OPERATORS);
      engine = EngineAgreement.waiting(front);
    } finally {
      for (AutoCloseable running : new AutoCloseable[] {load == null ? null : load::stop,
          citizens == null ? null : citizens::stop, operators == null ? null : operators::stop}) {
        if (running != null) {
          running.close();
        }
      }
      cluster.close();
      if (haproxy != null) {
        haproxy.close();
      }
    }
    CrashSafetyIT.Database database = cluster.database();
    CrashSafetyIT.Counts counts = CrashSafetyIT.count(load, database);
    CrashSafetyIT.JournalChecks journal = CrashSafetyIT.JournalChecks.of(database, citizens, engine);
    ChatCounts chats = journal.chats();
    int doubleAssigned = journal.doubleAssigned();
    int mismatched = journal.mismatched();
    Map<String, String> wrapped = wrapUps == null ? Map.of() : wrapUps.check(database, watch.killedAt);
    StringBuilder own = new StringBuilder();
    wrapped.forEach((key, value) -> extras.put(key, value));
    extras.forEach((key, value) -> own.append(' ').append(key).append('=').append(value));
    System.out.printf(("RESULT faults scenario=" + scenario + " acked=%d lost=%d duplicated=%d double_assigned=%d"
        + " recover_s=%.1f partition=%s lb_out_s=%.2f lb_arrivals_s=%.2f lb_tries_on_dead=%d statuses_before_EVENT=%s"
        + " statuses_after_EVENT=%s webhooks_retried=%d chats_acked=%d chat_resumes_after_EVENT=%d"
        + " chat_unavailable_after_EVENT=%d accepted=%d accepted_after_EVENT=%d accepted_twice=%d engine_journal_mismatch=%d"
        + own + " load=%s%n").replace("EVENT", event), load.acknowledged() + citizens.acked().size(), counts.lost() + chats.lost(),
        counts.duplicated() + chats.duplicated(), doubleAssigned, watch.recoverSeconds, busiest, watch.outSeconds,
        watch.arrivalsSeconds, watch.triesOnDead, statusesAtKill, minus(statusesAfter, statusesAtKill), retried,
        citizens.acked().size(), citizens.resumes() - resumesAtKill, citizens.unavailable() - unavailableAtKill,
        operators.accepted(), operators.accepted() - acceptedAtKill, operators.acceptedTwice(), mismatched,
        String.join("/", List.of(Files.readString(Path.of("/proc/loadavg")).split(" ")).subList(0, 3)));
    assertTrue(watch.recoverSeconds <= FAILOVER_GOAL.toSeconds(), "the partition moved in " + watch.recoverSeconds + " s");
    CrashSafetyIT.assertNothingLostOrDoubled(counts, doubleAssigned, operators.acceptedTwice(), mismatched);
    assertEquals(0, chats.lost(), "acknowledged chat messages lost");
    assertEquals(0, chats.duplicated(), "chat messages stored twice");
    if (wrapUps != null) {
      assertEquals("0", wrapped.get("wrapups_lost"), "acknowledged wrap-ups not journaled exactly once");
      assertEquals("0", wrapped.get("wrapups_duplicated"), "wrap-ups journaled twice");
      assertTrue(Integer.parseInt(wrapped.get("wrapups_sent_after_kill")) > 0, "no wrap-up was sent after the " + event);
    }
  }

  /**
   * Times from the kill (polled every 20 ms, at most 30 s): a survivor ready for the partition,
   * HAProxy's {@code nodes} backend marking the victim DOWN, its {@code arrivals} backend sending to a
   * survivor again; and the sessions HAProxy started on the victim meanwhile.
   */
  static final class Watch {
    private final HttpClient http;
    private final Haproxy haproxy;
    private final Map<String, ServerProcess> nodes;
    private final String victim;
    private final String partition;
    private final CrashSafetyIT.Database database;
    private long sessionsAtKill;
    volatile double recoverSeconds = Double.NaN;
    double outSeconds = Double.NaN;
    double arrivalsSeconds = Double.NaN;
    long triesOnDead;
    /** The fault's {@link System#nanoTime}, once {@link #run} started. */
    volatile long killedAt = Long.MAX_VALUE;

    Watch(HttpClient http, Haproxy haproxy, Map<String, ServerProcess> nodes, String victim, String partition,
        CrashSafetyIT.Database database) {
      this.database = database;
      this.http = http;
      this.haproxy = haproxy;
      this.nodes = nodes;
      this.victim = victim;
      this.partition = partition;
    }

    /** The victim's name and the partition it owned. */
    String victim() {
      return victim;
    }

    String partition() {
      return partition;
    }

    /** The cluster's database, for a fault's own checks. */
    CrashSafetyIT.Database database() {
      return database;
    }

    HttpClient http() {
      return http;
    }

    Haproxy haproxy() {
      return haproxy;
    }

    Map<String, ServerProcess> nodes() {
      return nodes;
    }

    /** Polls from {@code killed} (a {@link System#nanoTime}) until the three times are known, 30 s at most. */
    void run(long killed) throws InterruptedException {
      killedAt = killed;
      sessionsAtKill = sessionsOnVictim();
      long deadline = killed + Duration.ofSeconds(30).toNanos();
      while (System.nanoTime() < deadline && (recoverSeconds != recoverSeconds || outSeconds != outSeconds
          || arrivalsSeconds != arrivalsSeconds)) {
        Map<String, String> states = haproxy.states();
        double now = (System.nanoTime() - killed) / 1e9;
        if (outSeconds != outSeconds && String.valueOf(states.get("nodes/" + victim)).startsWith("DOWN")) {
          outSeconds = now;
          triesOnDead = sessionsOnVictim() - sessionsAtKill;
        }
        if (arrivalsSeconds != arrivalsSeconds && nodes.keySet().stream()
            .anyMatch(n -> !n.equals(victim) && "UP".equals(states.get("arrivals/" + n)))) {
          arrivalsSeconds = now;
        }
        if (recoverSeconds != recoverSeconds && nodes.entrySet().stream().anyMatch(n -> !n.getKey().equals(victim)
            && PartitionViews.readiness(http, n.getValue().uri(), partition) == 200)) {
          recoverSeconds = now;
        }
        Thread.sleep(20);
      }
    }

    private long sessionsOnVictim() {
      Map<String, Long> sessions = haproxy.sessions();
      return sessions.getOrDefault("nodes/" + victim, 0L) + sessions.getOrDefault("arrivals/" + victim, 0L)
          + sessions.getOrDefault("arrivals/" + victim + "-any", 0L);
    }
  }

  /** The node holding {@code partition}'s lease as the cluster tells it through the balancer; null: none yet. */
  private static String owner(HttpClient http, URI front, String token, String partition) {
    return PartitionViews.view(http, front, token, partition).filter(p -> Boolean.FALSE.equals(p.get("leaseExpired")))
        .map(p -> (String) p.get("owner")).orElse(null);
  }

  /** The partition with the most contacts waiting ({@code city} on a tie). */
  private static String busiest(HttpClient http, URI front, String token) {
    int city = waiting(http, front, token, "city");
    return waiting(http, front, token, "routing") > city ? "routing" : "city";
  }

  private static int waiting(HttpClient http, URI front, String token, String partition) {
    return PartitionViews.view(http, front, token, partition).map(p -> p.get("waiting"))
        .map(w -> ((Number) w).intValue()).orElse(0);
  }

  private static Map<Integer, Integer> minus(Map<Integer, Integer> after, Map<Integer, Integer> before) {
    Map<Integer, Integer> difference = new java.util.TreeMap<>();
    after.forEach((status, n) -> {
      int d = n - before.getOrDefault(status, 0);
      if (d != 0) {
        difference.put(status, d);
      }
    });
    return difference;
  }

  private static void awaitOr(String alias, java.util.function.Supplier<String> state,
      java.util.concurrent.Callable<Boolean> done) {
    try {
      await(alias).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(50)).until(done);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(alias + " within 90 s: " + state.get(), e);
    }
  }
}
