package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;

/**
 * Three nodes, one center (issue 11), the active/standby slice: three server JVMs on one
 * PostgreSQL with {@code onenumber.cluster.enabled}. The first one up holds the routing lease
 * ({@code /health} 200), the others are standbys ({@code /health} 503 {@code STANDBY}). Operators
 * accept SMS contacts on the owner while signed webhooks and intake posts arrive; intake contacts
 * wait in a queue nobody serves. The owner is killed with SIGKILL; one standby must answer {@code
 * /health} 200 within 5 s (its lease taken, its engine rebuilt from the shared journal), the other
 * stays a standby. The operators move to the new owner (as a load balancer would send them), Twilio's
 * retries of unanswered webhooks and new load go there too; an intake post that reaches the standby
 * is journaled there and routed by the owner. Then the new owner is frozen (SIGSTOP) past its lease:
 * the last standby must take over within 5 s, and the frozen node, woken (SIGCONT), must stop
 * routing ({@code /health} 503). Then: every acknowledged item stored
 * exactly once, no contact offered to or held by two operators ({@link DoubleAssignments}, from the
 * journal; none accepted twice), the waiting line in journal order with its waits carried over (the
 * queue's oldest wait on the new owner counts from the original {@code queued_at}), engine ==
 * journal. Prints {@code RESULT faults scenario=cluster-kill-owner … recover_s=<failover>}.
 */
@RunsAlone
class ClusterFailoverIT {

  private static final List<String> OPERATORS = List.of("op-001", "op-004");
  private static final Duration FAILOVER_GOAL = Duration.ofSeconds(5);
  /** The load runs at least this long before the kill, so that a wait restarted at the takeover would show. */
  private static final Duration WAITED_BEFORE_KILL = Duration.ofSeconds(6);
  private static final Pattern OLDEST = Pattern.compile("\"oldestWaitingSeconds\"\\s*:\\s*(\\d+)");

  @Test
  void theOwnersDeathIsTakenOverWithinFiveSecondsWithNothingLostAndNoDoubleAssignment() throws Exception {
    TestCluster cluster = TestCluster.onePartition("cluster_failover", "node-a", "node-b", "node-c");
    String url = cluster.url();
    List<ServerProcess> nodes = List.copyOf(cluster.startProcesses().values());
    ServerProcess first = nodes.get(0);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    assertEquals(200, health(http, first).statusCode(), "the first node up owns routing");
    for (ServerProcess standby : nodes.subList(1, 3)) {
      HttpResponse<String> health = health(http, standby);
      assertEquals(503, health.statusCode(), "a later node is a standby");
      assertTrue(health.body().contains("STANDBY"), health.body());
      assertEquals(503, health(http, standby, "/health/readiness").statusCode(), "a load balancer's readiness check");
      assertEquals(200, health(http, standby, "/health/liveness").statusCode(), "a standby is alive");
    }
    assertEquals(200, health(http, first, "/health/readiness").statusCode(), "the owner is ready");

    String run = "cl" + ProcessHandle.current().pid() % 1000;
    SimulatedOperators operators = new SimulatedOperators(first.uri()).start(OPERATORS);
    AckedLoad load = new AckedLoad(first.uri(), run).start(2, 1);
    Instant loadStarted = Instant.now();
    AckedLoad after = null;
    ServerProcess owner;
    double failoverSeconds;
    double pauseTakeoverSeconds;
    Map<String, Integer> positions;
    Map<String, Integer> engine;
    long oldestWaitAfter;
    long waitedSinceQueued;
    Instant oldestQueuedAt;
    Instant killedAt;
    try {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
          load.acknowledged() >= 40 && load.ackedContacts().size() >= 3 && operators.accepted() >= OPERATORS.size()
          && Instant.now().isAfter(loadStarted.plus(WAITED_BEFORE_KILL)));
      killedAt = Instant.now();
      long killed = System.nanoTime();
      first.kill();
      owner = awaitNewOwner(http, nodes.subList(1, 3));
      failoverSeconds = (System.nanoTime() - killed) / 1e9;
      load.stop();
      int acceptedAtKill = operators.accepted();
      operators.moveTo(owner.uri());
      ServerProcess standby = nodes.get(1) == owner ? nodes.get(2) : nodes.get(1);
      assertEquals(503, health(http, standby).statusCode(), "one owner at a time: the other node stays a standby");
      String viaStandby = intakeOn(http, standby, run);
      for (AckedLoad.Webhook webhook : load.unackedWebhooks()) { // Twilio retries what it got no 200 for
        assertEquals(200, load.sendTo(owner.uri(), http, webhook), "retry of " + webhook.sid() + " on the new owner");
      }
      after = new AckedLoad(owner.uri(), CrashSafetyIT.otherPhones(run)).start(2, 0);
      AckedLoad flowing = after;
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() ->
          flowing.acknowledged() >= 20 && operators.accepted() >= acceptedAtKill + OPERATORS.size());
      after.stop();
      ServerProcess paused = owner;
      await("the owner routes the contact the standby took in").atMost(Duration.ofSeconds(20))
          .pollInterval(Duration.ofMillis(100)).until(() -> positionOn(http, paused, viaStandby) == 200);

      // the new owner freezes past its lease (a long pause, a frozen VM): the standby takes over; woken,
      // the paused node finds its lease gone (renew or a fenced write) and stops routing
      long pausedAt = System.nanoTime();
      paused.pause();
      owner = awaitNewOwner(http, List.of(standby));
      pauseTakeoverSeconds = (System.nanoTime() - pausedAt) / 1e9;
      operators.moveTo(owner.uri());
      paused.resume();
      await("the woken node stops routing").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
          .until(() -> health(http, paused).statusCode() == 503);
      assertEquals(200, health(http, owner).statusCode(), "the node that took over while the other was paused routes");

      positions = CrashSafetyIT.positions(owner.uri(), load);
      oldestQueuedAt = oldestQueuedAt(url, load);
      oldestWaitAfter = oldestWaitSeconds(http, owner, queueOf(url, load));
      waitedSinceQueued = Duration.between(oldestQueuedAt, Instant.now()).toSeconds();
      operators.stop();
      operators.logOut(OPERATORS);
      engine = EngineAgreement.waiting(owner.uri());
    } finally {
      load.stop();
      if (after != null) {
        after.stop();
      }
      operators.stop();
      cluster.close();
    }
    CrashSafetyIT.Database database = cluster.database();
    CrashSafetyIT.Counts counts = CrashSafetyIT.count(load, database).plus(CrashSafetyIT.count(after, database));
    int doubleAssigned;
    int mismatched;
    int requeued;
    try (Connection connection = database.open()) {
      doubleAssigned = DoubleAssignments.count(connection);
      mismatched = EngineAgreement.mismatched(engine, connection);
      requeued = requeuedSince(connection, killedAt);
    }
    System.out.printf("RESULT faults scenario=cluster-kill-owner acked=%d lost=%d duplicated=%d double_assigned=%d"
        + " recover_s=%.1f pause_takeover_s=%.1f accepted=%d accepted_twice=%d offers_requeued=%d"
        + " engine_journal_mismatch=%d%n", load.acknowledged() + after.acknowledged(), counts.lost(), counts.duplicated(),
        doubleAssigned, failoverSeconds, pauseTakeoverSeconds, operators.accepted(), operators.acceptedTwice(), requeued,
        mismatched);
    assertTrue(failoverSeconds <= FAILOVER_GOAL.toSeconds(), "failover took " + failoverSeconds + " s");
    assertTrue(pauseTakeoverSeconds <= FAILOVER_GOAL.toSeconds(), "takeover from a paused owner took "
        + pauseTakeoverSeconds + " s");
    CrashSafetyIT.assertNothingLostOrDoubled(counts, doubleAssigned, operators.acceptedTwice(), mismatched);
    assertEquals(load.ackedContacts(), positions.keySet(), "every acknowledged contact waits on the new owner");
    CrashSafetyIT.assertLineInJournalOrder(positions, database);
    assertTrue(Duration.between(oldestQueuedAt, killedAt).compareTo(WAITED_BEFORE_KILL.minusSeconds(2)) > 0,
        "the oldest contact waited long enough before the kill to tell a carried-over wait from a new one");
    assertTrue(oldestWaitAfter >= waitedSinceQueued - 2, "the wait was carried over: the new owner says "
        + oldestWaitAfter + " s, the journal's queued_at " + waitedSinceQueued + " s");
  }

  static void startAlive(ServerProcess node) {
    try {
      node.startAlive();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Polls the standbys' {@code /health} until one answers 200 (its takeover done); at most 30 s. */
  private static ServerProcess awaitNewOwner(HttpClient http, List<ServerProcess> standbys) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      for (ServerProcess node : standbys) {
        try {
          if (health(http, node).statusCode() == 200) {
            return node;
          }
        } catch (IOException notAnswering) {
          // asked again below
        }
      }
      Thread.sleep(50);
    }
    StringBuilder logs = new StringBuilder();
    for (ServerProcess node : standbys) {
      logs.append(node.log()).append('\n');
    }
    throw new AssertionError("no standby took over within 30 s; logs:\n" + logs);
  }

  private static HttpResponse<String> health(HttpClient http, ServerProcess node) throws IOException,
      InterruptedException {
    return health(http, node, "/health");
  }

  private static HttpResponse<String> health(HttpClient http, ServerProcess node, String path) throws IOException,
      InterruptedException {
    return http.send(HttpRequest.newBuilder(node.uri().resolve(path)).timeout(Duration.ofSeconds(2)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Posts one intake contact to a standby (as a client past the load balancer would): journaled there, 201. */
  private static String intakeOn(HttpClient http, ServerProcess standby, String run) throws IOException,
      InterruptedException {
    String phone = "010-7777-" + String.format("%04d", Math.floorMod(run.hashCode(), 10_000));
    String body = "{\"channel\":\"VOICE\",\"phone\":\"" + phone + "\",\"language\":\"ko\","
        + "\"topic\":\"via standby " + run + "\"}";
    HttpResponse<String> posted = http.send(HttpRequest.newBuilder(standby.uri().resolve("/api/v1/contacts"))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    Matcher id = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(posted.body());
    assertTrue(posted.statusCode() == 201 && id.find(), "intake on a standby: " + posted.statusCode() + " " + posted.body());
    return id.group(1);
  }

  /** The status of {@code GET /api/v1/contacts/{id}/position} on a node: 200 once its engine holds the contact. */
  private static int positionOn(HttpClient http, ServerProcess node, String contact) throws IOException,
      InterruptedException {
    String token = Logins.token(http, node.uri(), "op-001");
    return http.send(HttpRequest.newBuilder(node.uri().resolve("/api/v1/contacts/" + contact + "/position"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  /** The queue the acknowledged intake contacts wait in (one: the intake posts are all alike). */
  private static String queueOf(String url, AckedLoad load) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
        PreparedStatement s = c.prepareStatement("select queue_id from contact where id = ?")) {
      s.setString(1, load.ackedContacts().iterator().next());
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getString(1);
      }
    }
  }

  static Instant oldestQueuedAt(String url, AckedLoad load) throws SQLException {
    Instant oldest = Instant.MAX;
    try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
        PreparedStatement s = c.prepareStatement("select queued_at from contact where id = ?")) {
      for (String contact : load.ackedContacts()) {
        s.setString(1, contact);
        try (ResultSet row = s.executeQuery()) {
          row.next();
          Timestamp at = row.getTimestamp(1);
          oldest = at.toInstant().isBefore(oldest) ? at.toInstant() : oldest;
        }
      }
    }
    return oldest;
  }

  /** The queue's oldest wait as the new owner's engine tells it ({@code GET /api/v1/queues/{id}/status}). */
  private static long oldestWaitSeconds(HttpClient http, ServerProcess owner, String queue) throws IOException,
      InterruptedException {
    return oldestWaitSeconds(http, owner.uri(), Logins.token(http, owner.uri(), "sv-01"), queue);
  }

  /** The queue's oldest wait as {@code server}'s engine tells it, read with {@code token}. */
  static long oldestWaitSeconds(HttpClient http, URI server, String token, String queue) throws IOException,
      InterruptedException {
    HttpResponse<String> status = http.send(HttpRequest.newBuilder(server.resolve("/api/v1/queues/" + queue + "/status"))
        .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    Matcher m = OLDEST.matcher(status.body());
    assertTrue(status.statusCode() == 200 && m.find(), status.statusCode() + " " + status.body());
    return Long.parseLong(m.group(1));
  }

  /** Offers in flight at the owner's death that the new owner put back in the line (journal step QUEUED, restart). */
  private static int requeuedSince(Connection c, Instant since) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "select count(*) from contact_step where state = 'QUEUED' and reason = 'restart' and at >= ?")) {
      s.setTimestamp(1, Timestamp.from(since));
      try (ResultSet row = s.executeQuery()) {
        row.next();
        return row.getInt(1);
      }
    }
  }
}
