package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.routing.QueueStatus;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.routing.EngineRead;
import org.onenumber.server.routing.RoutingHost;

/**
 * Two routing partitions on two cluster nodes (issue 11), in one JVM on one PostgreSQL: partition
 * {@code city} ({@code messaging-ko}, served by op-001 and op-004 only, and {@code general-ko}, served
 * by nobody, where intake contacts wait) and the default partition {@code routing} (every other
 * queue). The first node up keeps {@code routing} and gives {@code city} to the second (each its
 * fair share); both are then ready for a load balancer ({@code /health/readiness} 200). Operators connected to the first node accept SMS contacts that the second routes
 * (commands, reads and arrivals relayed over the bus; the first node's floor reads merge both
 * partitions) while webhooks and intake posts reach the first. Then the second node stops: the first must route {@code city} too within 5 s, its engine
 * rebuilt from the shared journal (the waits carried over: general-ko's oldest wait counts from the
 * journal's {@code queued_at}), while {@code routing} never pauses (a probe reads its engine every
 * 20 ms: no failure, no gap over a second). Then: nothing acknowledged lost or stored twice, no contact
 * offered to or held by two operators (journal; none accepted twice), engine == journal, the line in
 * journal order (a transfer across partitions: {@link PartitionDirectoryPostgresIT}). Prints {@code RESULT faults scenario=cluster-partition …}.
 */
@RunsAlone
class PartitionFailoverPostgresIT {

  static final String PARTITIONS = "city: messaging-ko general-ko";
  private static final List<String> OPERATORS = List.of("op-001", "op-004");
  private static final Duration FAILOVER_GOAL = Duration.ofSeconds(5);
  private static final Duration WAITED_BEFORE_STOP = Duration.ofSeconds(5);

  @Test
  void onlyTheStoppedNodesPartitionMovesWithinFiveSecondsAndTheOtherNeverPauses() throws Exception {
    TestCluster cluster = TestCluster.partitioned("partition_failover", "node-a", "node-b");
    String url = cluster.url();
    EmbeddedServer a = cluster.embedded("node-a");
    EmbeddedServer b = cluster.embedded("node-b");
    RoutingHost routingA = a.getApplicationContext().getBean(RoutingHost.class);
    String run = "pa" + ProcessHandle.current().pid() % 1000;
    URI first = a.getURI();
    SimulatedOperators operators = null;
    AckedLoad load = null;
    Probe probe = null;
    double failoverSeconds;
    Map<String, Integer> positions;
    Map<String, Integer> engine;
    long oldestWaitAfter;
    long waitedSinceQueued;
    Instant stoppedAt;
    try {
      cluster.awaitEmbeddedShares();
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
      for (EmbeddedServer node : List.of(a, b)) { // a balancer sends traffic to every node that routes a partition
        assertEquals(200, http.send(HttpRequest.newBuilder(node.getURI().resolve("/health/readiness")).build(),
            HttpResponse.BodyHandlers.discarding()).statusCode(), node.getURI() + " routes a partition: ready");
      }
      String supervisor = Logins.token(http, first, "sv-01");
      await("each node says who routes what").atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50))
          .until(() -> PartitionViews.says(http, first, supervisor, "city", "node-b", false)
              && PartitionViews.says(http, b.getURI(), supervisor, "city", "node-b", true)
              && PartitionViews.says(http, first, supervisor, "routing", "node-a", true));
      assertEquals(List.of(503, 200, 200, 404), List.of(PartitionViews.readiness(http, first, "city"),
          PartitionViews.readiness(http, b.getURI(), "city"), PartitionViews.readiness(http, first, "routing"),
          PartitionViews.readiness(http, first, "nowhere")), "a balancer's readiness of city on a, on b; routing on a; unknown");
      operators = new SimulatedOperators(first).start(OPERATORS);
      // the floor read on the first node merges both partitions: the operators logged in to city, on the second
      await("the merged reads").atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
          routingA.read(EngineRead.AGENTS, "").stream().map(s -> s.agent().value()).toList().containsAll(OPERATORS)
          && routingA.read(EngineRead.CONFIGURATIONS, "").stream().map(c -> c.queue().id().value()).toList()
              .containsAll(List.of("messaging-ko", "general-ko")));
      load = new AckedLoad(first, run).start(2, 1);
      Instant loadStarted = Instant.now();
      SimulatedOperators working = operators;
      AckedLoad acked = load;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
          acked.acknowledged() >= 30 && acked.ackedContacts().size() >= 3 && working.accepted() >= OPERATORS.size()
          && Instant.now().isAfter(loadStarted.plus(WAITED_BEFORE_STOP)));
      probe = new Probe(() -> routingA.read(EngineRead.QUEUE_STATUS, "english")).start();
      int acceptedAtStop = operators.accepted();
      int ackedAtStop = load.acknowledged();
      stoppedAt = Instant.now();
      long stopped = System.nanoTime();
      b.getApplicationContext().close();
      await("the first node routes both partitions").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> routingA.routedHere().equals(List.of("city", "routing")));
      failoverSeconds = (System.nanoTime() - stopped) / 1e9;
      await("the first node says it routes city, and a balancer sees it").atMost(FAILOVER_GOAL.minusMillis(
          (System.nanoTime() - stopped) / 1_000_000)).pollInterval(Duration.ofMillis(20)).until(() ->
          PartitionViews.says(http, first, supervisor, "city", "node-a", true)
          && PartitionViews.readiness(http, first, "city") == 200);
      double shownSeconds = (System.nanoTime() - stopped) / 1e9;
      System.out.printf("cluster-partition: routed after %.1f s, shown by GET /api/v1/cluster/partitions after %.1f s%n",
          failoverSeconds, shownSeconds);
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
          acked.acknowledged() >= ackedAtStop + 20 && working.accepted() >= acceptedAtStop + OPERATORS.size());
      load.stop();
      for (AckedLoad.Webhook webhook : load.unackedWebhooks()) { // Twilio retries what it got no 200 for
        assertEquals(200, load.sendTo(first, http, webhook), "retry of " + webhook.sid());
      }
      Probe reading = probe; // a quick move leaves the probe little time: it reads on past it
      await("the probe read across the move").atMost(Duration.ofSeconds(10)).until(() -> reading.reads() > 20);
      probe.stop();
      positions = CrashSafetyIT.positions(first, load);
      Instant oldestQueuedAt = ClusterFailoverIT.oldestQueuedAt(url, load);
      oldestWaitAfter = routingA.read(EngineRead.QUEUE_STATUS, "general-ko").map(QueueStatus::oldestWait)
          .orElseThrow().toSeconds();
      waitedSinceQueued = Duration.between(oldestQueuedAt, Instant.now()).toSeconds();
      assertTrue(Duration.between(oldestQueuedAt, stoppedAt).compareTo(WAITED_BEFORE_STOP.minusSeconds(2)) > 0,
          "the oldest contact waited long enough before the stop to tell a carried-over wait from a new one");
      operators.stop();
      operators.logOut(OPERATORS);
      engine = EngineAgreement.waiting(first);
    } finally {
      if (load != null) {
        load.stop();
      }
      if (operators != null) {
        operators.stop();
      }
      if (probe != null) {
        probe.stop();
      }
      cluster.close();
    }
    new PartitionVerdict("cluster-partition", load, operators, probe, failoverSeconds, positions, engine, oldestWaitAfter,
        waitedSinceQueued).check(url, FAILOVER_GOAL);
    assertTrue(probe.reads() > 20, "the probe read " + probe.reads() + " times");
  }

  /**
   * Seeds the demo city on {@code url} with a node alone, then gives every operator the queues of one
   * partition: op-001 and op-004 serve messaging-ko only, nobody else messaging-ko or general-ko.
   */
  static void seedWithDisjointOperators(String url) throws IOException {
    try (ApplicationContext seeding = ApplicationContext.run(properties(Map.of("datasources.default.url", url,
        "datasources.default.driver-class-name", "org.postgresql.Driver",
        "datasources.default.username", TestDatabases.PG_USER, "datasources.default.password",
        TestDatabases.PG_PASSWORD, "micronaut.server.port", "-1")))) {
      JdbcDirectory directory = seeding.getBean(JdbcDirectory.class);
      Set<QueueId> city = Set.of(new QueueId("messaging-ko"), new QueueId("general-ko"));
      for (Agent operator : directory.agents()) {
        Set<QueueId> queues = new HashSet<>(operator.queues());
        queues.removeAll(city);
        if (OPERATORS.contains(operator.id().value())) {
          queues = Set.of(new QueueId("messaging-ko"));
        }
        directory.save(new Agent(operator.id(), operator.name(), operator.skills(), operator.languages(),
            operator.capacity(), queues, operator.state(), operator.breakReason()));
      }
      assertEquals(Set.of(new QueueId("messaging-ko")), directory.agent(new AgentId("op-001")).orElseThrow().queues());
    }
  }

  static Map<String, Object> properties(Map<String, String> settings) throws IOException {
    Map<String, Object> properties = new HashMap<>(settings);
    properties.put("onenumber.data-dir", Files.createTempDirectory("onenumber-partition").toString());
    properties.put("micronaut.security.token.jwt.signatures.secret.generator.secret", ServerProcess.SECRET);
    properties.put("onenumber.twilio.account-sid", ServerProcess.ACCOUNT);
    properties.put("onenumber.twilio.auth-token", ServerProcess.TOKEN);
    properties.put("onenumber.twilio.api-base", "http://127.0.0.1:9");
    properties.put("onenumber.rate-limits.intake-per-minute", "1000000");
    properties.put("onenumber.rate-limits.chat-per-minute", "1000000");
    return properties;
  }

  /**
   * Reads the partition that does not move every 20 ms from its own thread (a read that throws is a
   * failure): the longest gap between answers, failures.
   */
  static final class Probe {
    private final Runnable read;
    private final AtomicLong maxGapNanos = new AtomicLong();
    private final AtomicInteger failures = new AtomicInteger();
    private final AtomicInteger reads = new AtomicInteger();
    private final List<String> lastFailure = new ArrayList<>(List.of("none"));
    private volatile boolean running = true;
    private Thread thread;

    Probe(Runnable read) {
      this.read = read;
    }

    Probe start() {
      thread = Thread.ofPlatform().name("partition-probe").start(() -> {
        long last = System.nanoTime();
        while (running) {
          try {
            read.run();
            reads.incrementAndGet();
          } catch (RuntimeException e) {
            failures.incrementAndGet();
            synchronized (lastFailure) {
              lastFailure.set(0, e.toString());
            }
          }
          long now = System.nanoTime();
          maxGapNanos.accumulateAndGet(now - last, Math::max);
          last = now;
          try {
            Thread.sleep(20);
          } catch (InterruptedException e) {
            return;
          }
          last = System.nanoTime();
        }
      });
      return this;
    }

    void stop() throws InterruptedException {
      running = false;
      if (thread != null) {
        thread.join(5000);
      }
    }

    long maxGapMillis() {
      return maxGapNanos.get() / 1_000_000;
    }

    /** The partition that did not move: no read failed, none waited a second. */
    void assertUndisturbed() {
      assertEquals(0, failures(), "reads of the partition that did not move failed: " + lastFailure());
      assertTrue(maxGapMillis() < 1000, "the partition that did not move paused " + maxGapMillis() + " ms");
    }

    int failures() {
      return failures.get();
    }

    int reads() {
      return reads.get();
    }

    String lastFailure() {
      synchronized (lastFailure) {
        return lastFailure.get(0);
      }
    }
  }
}
