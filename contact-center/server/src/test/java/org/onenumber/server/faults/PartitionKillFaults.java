package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A routing partition's owner killed with SIGKILL (issue 11), with server JVMs: two cluster nodes on one
 * PostgreSQL with the partitions of {@link PartitionFailoverPostgresIT} ({@code city}: messaging-ko and
 * general-ko, where the load goes; {@code routing}: every other queue). The first node keeps {@code
 * routing}, the second routes {@code city}. Operators (messaging-ko) and the load reach the first node,
 * which relays them to the second. The second is killed (no hand-over, no shutdown hook): {@code city}
 * must be routed by the first within 5 s (its lease expired, its engine rebuilt from the journal, the
 * waits carried over), while {@code routing} answers throughout (an HTTP probe of english's status every
 * 20 ms: no failure, no gap over a second). Then lost, duplicated, double_assigned, accepted_twice and
 * engine≠journal are 0. Not in the default run (not named {@code *IT}: ~60 s with two server JVMs); run
 * by {@code bin/faults cluster-partition-kill}. Prints {@code RESULT faults scenario=cluster-partition-kill …}.
 */
class PartitionKillFaults {

  private static final List<String> OPERATORS = List.of("op-001", "op-004");
  private static final Duration FAILOVER_GOAL = Duration.ofSeconds(5);
  private static final Duration WAITED_BEFORE_KILL = Duration.ofSeconds(5);

  @Test
  void theKilledOwnersPartitionMovesWithinFiveSecondsAndTheOtherNeverStops() throws Exception {
    TestCluster cluster = TestCluster.partitioned("partition_kill", "node-a", "node-b");
    String url = cluster.url();
    ServerProcess a = cluster.process("node-a");
    ServerProcess b = cluster.process("node-b");
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    String run = "pk" + ProcessHandle.current().pid() % 1000;
    SimulatedOperators operators = null;
    AckedLoad load = null;
    PartitionFailoverPostgresIT.Probe probe = null;
    double failoverSeconds;
    Map<String, Integer> positions;
    Map<String, Integer> engine;
    long oldestWaitAfter;
    long waitedSinceQueued;
    Instant oldestQueuedAt;
    Instant killedAt;
    try {
      cluster.startProcesses();
      String supervisor = Logins.token(http, a.uri(), "sv-01");
      String admin = Logins.token(http, a.uri(), "admin"); // health details need a login; one token for both nodes
      await("each node routes its fair share").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> status(http, b, "/health/readiness", null) == 200 && routes(http, b, admin, "city"));
      operators = new SimulatedOperators(a.uri()).start(OPERATORS);
      load = new AckedLoad(a.uri(), run).start(2, 1);
      Instant loadStarted = Instant.now();
      SimulatedOperators working = operators;
      AckedLoad acked = load;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
          acked.acknowledged() >= 30 && acked.ackedContacts().size() >= 3 && working.accepted() >= OPERATORS.size()
          && Instant.now().isAfter(loadStarted.plus(WAITED_BEFORE_KILL)));
      probe = new PartitionFailoverPostgresIT.Probe(read(http, a.uri().resolve("/api/v1/queues/english/status"),
          supervisor)).start();
      int acceptedAtKill = operators.accepted();
      int ackedAtKill = load.acknowledged();
      killedAt = Instant.now();
      long killed = System.nanoTime();
      b.kill();
      await("the first node routes city").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
          .until(() -> routes(http, a, admin, "city"));
      failoverSeconds = (System.nanoTime() - killed) / 1e9;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
          acked.acknowledged() >= ackedAtKill + 20 && working.accepted() >= acceptedAtKill + OPERATORS.size());
      load.stop();
      for (AckedLoad.Webhook webhook : load.unackedWebhooks()) { // Twilio retries what it got no 200 for
        assertEquals(200, load.sendTo(a.uri(), http, webhook), "retry of " + webhook.sid());
      }
      probe.stop();
      positions = CrashSafetyIT.positions(a.uri(), load);
      oldestQueuedAt = ClusterFailoverIT.oldestQueuedAt(url, load);
      oldestWaitAfter = ClusterFailoverIT.oldestWaitSeconds(http, a.uri(), supervisor, "general-ko"); // intake waits there
      waitedSinceQueued = Duration.between(oldestQueuedAt, Instant.now()).toSeconds();
      operators.stop();
      operators.logOut(OPERATORS);
      engine = EngineAgreement.waiting(a.uri());
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
    new PartitionVerdict("cluster-partition-kill", load, operators, probe, failoverSeconds, positions, engine, oldestWaitAfter,
        waitedSinceQueued).check(url, FAILOVER_GOAL);
    assertTrue(Duration.between(oldestQueuedAt, killedAt).compareTo(WAITED_BEFORE_KILL.minusSeconds(2)) > 0,
        "the oldest contact waited long enough before the kill to tell a carried-over wait from a new one");
  }

  /** Whether the node's logged-in {@code /health} details list {@code partition} among those it routes. */
  private static boolean routes(HttpClient http, ServerProcess node, String token, String partition) {
    try {
      HttpResponse<String> health = http.send(HttpRequest.newBuilder(node.uri().resolve("/health"))
          .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.ofString());
      return health.body().matches("(?s).*\"partitions\"\\s*:\\s*\\[[^\\]]*\"" + partition + "\".*");
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int status(HttpClient http, ServerProcess node, String path, String token) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(node.uri().resolve(path)).timeout(Duration.ofSeconds(2));
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      return 0;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 0;
    }
  }

  /** A read of {@code target} that throws unless it answers 200 (the probe counts it a failure). */
  static Runnable read(HttpClient http, URI target, String token) {
    return () -> {
      try {
        int code = http.send(HttpRequest.newBuilder(target).header("Authorization", "Bearer " + token)
            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        if (code != 200) {
          throw new IllegalStateException("HTTP " + code);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }
}
