package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.faults.ClusterCallParties.TOLD;
import static org.onenumber.server.faults.ClusterCallParties.assertOneContactEachWithOneOperator;
import static org.onenumber.server.faults.ClusterCallParties.await;
import static org.onenumber.server.faults.ClusterCallParties.millisSince;
import static org.onenumber.server.faults.ClusterCallParties.renegotiate;
import static org.onenumber.server.faults.ClusterClients.type;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;

/**
 * A call's home frozen longer than Hazelcast's heartbeat limit is fenced when it wakes (issue 11, session 21).
 * node-a runs as a server JVM (routing's first owner, the call's home: its citizen starts there); node-b and
 * node-c run in this JVM; the heartbeat limit is {@value #HEARTBEAT_LIMIT} (60 s in production). op-034 works on
 * node-b. node-a gets SIGSTOP: node-b and node-c drop it after the limit, node-b takes the call over (op-034 hears
 * {@code rehomed}, {@code peer-left}). Meanwhile the citizen's page, still on its frozen socket, sends a text and
 * its hang-up into it (they wait in the socket's buffers). node-a gets SIGCONT: it reads the call's claim
 * before handling them, finds node-b's, and gives the call up: the old socket hears {@code rehomed} with {@code
 * reconnect: true}, the text reaches nobody and the hang-up reaches no journal. The page reconnects to node-a
 * itself and resumes: while node-a is cut off (alone until Hazelcast merges it back, {@value #MERGE_EVERY}
 * here) it answers {@code unavailable} and claims nothing, then hands the resume to node-b, the one home; op-034 hears {@code peer-back}, {@code ready}; they
 * renegotiate, the citizen hangs up. Call 2's home is node-b, its operator's sockets are on node-a: woken alone,
 * node-a hears node-b leave, and being cut off it does not take call 2 over; after the merge its operator's text
 * reaches the citizen and the hang-up ends it for both. The journal holds one contact per call, connected once and
 * CLOSED once, and no claim is left. Before, the woken node handled the buffered hang-up as its own: routing closed the contact
 * under the live call (and the old socket never heard {@code rehomed}).
 */
class CallHomeFrozenPostgresIT {

  /** Hazelcast's heartbeat limit in this test: a frozen member is dropped after this many seconds. */
  static final String HEARTBEAT_LIMIT = "8s";
  /**
   * The survivors take the call over within this after the freeze: the limit, the survivors' choice of a new
   * Hazelcast master (the frozen node was the first), the host's node's 2 s wait and ping (10–16 s measured).
   */
  private static final Duration TAKEN_OVER = Duration.ofSeconds(45);
  /** How often each side of a split looks for the other to merge with (as in production). */
  static final String MERGE_EVERY = "10s";
  /** The woken node is merged back and hands a resume to the live home within this after its wake. */
  private static final Duration MERGED = Duration.ofSeconds(60);
  /**
   * Call 2 is watched this long after the wake: the woken node hears its home leave, and before session 23 took
   * it over (and voided node-b's claim) after its 2 s wait.
   */
  private static final Duration CALL_2_WATCHED = Duration.ofSeconds(8);
  /** As call.js: a resume unanswered this long is sent again on a new socket. */
  private static final Duration RESUME_UNANSWERED = Duration.ofSeconds(6);

  private final ClusterCallParties parties = new ClusterCallParties();

  @Test
  void aHomeWokenAfterItsCallWasTakenOverGivesTheCallUpAndJournalsNothingForIt() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("fence21_home_frozen", "node-a", "node-b", "node-c")
        .with("datasources.default.maximum-pool-size", "8")
        .with("onenumber.cluster.heartbeat-limit", HEARTBEAT_LIMIT)
        .with("onenumber.cluster.merge-every", MERGE_EVERY)) {
      ClusterCallParties.Nodes nodes = ClusterCallParties.start(cluster);
      ServerProcess home = nodes.home();
      URI a = nodes.a();
      URI b = nodes.b();

      var op034 = parties.signIn(b, "op-034");
      JsonFrames frozen = parties.socket(a, "/ws/call");
      String call = parties.startCall(frozen, "fence21-home-01", op034);
      JsonFrames operator = parties.join(b, op034, call);
      assertEquals(List.of("node-a"), claims(cluster, call), "the home claimed the call");
      // call 2: its home is node-b (its citizen started there); op-035's console and call socket are on node-a
      var op035 = parties.signIn(a, "op-035");
      JsonFrames citizen2 = parties.socket(b, "/ws/call");
      String call2 = parties.startCall(citizen2, "fence23-home-02", op035);
      JsonFrames operator2 = parties.join(a, op035, call2);
      assertEquals(List.of("node-b"), claims(cluster, call2), "call 2's home claimed it");
      int citizen2At = citizen2.frames().size();

      int opAt = operator.frames().size();
      int frozenAt = frozen.frames().size();
      long paused = System.nanoTime();
      home.pause();
      try {
        await(operator, opAt, type("rehomed"), TAKEN_OVER);
        long told = millisSince(paused);
        await(operator, opAt, f -> "peer-left".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
        assertEquals(List.of("node-b"), claims(cluster, call), "node-b took the call over");
        System.out.printf("home frozen: its call taken over by node-b after %d ms (heartbeat limit %s)%n", told,
            HEARTBEAT_LIMIT);
        // the page does not know yet: what it sends waits in the frozen node's socket
        frozen.send(Map.of("type", "text", "contactId", call, "body", "lost in the freeze"));
        frozen.send(Map.of("type", "hangup", "contactId", call));
      } finally {
        home.resume();
      }
      long woken = System.nanoTime();

      Map<String, Object> moved = await(frozen, frozenAt, type("rehomed"), TOLD);
      assertEquals(true, moved.get("reconnect"), moved.toString());
      System.out.printf("home woken: the old socket told to reconnect after %d ms%n", millisSince(woken));

      JsonFrames resumed = resumeOnTheWokenNode(cluster, a, frozen, call, woken);
      await(operator, opAt, f -> "peer-back".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      await(operator, opAt, f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      renegotiate(operator, opAt, resumed, call);
      assertEquals(List.of("node-b"), claims(cluster, call), "one home: node-b");

      resumed.send(Map.of("type", "hangup", "contactId", call));
      await(resumed, 0, type("ended"), TOLD);
      await(operator, opAt, type("ended"), TOLD);
      assertEquals(1, operator.frames().stream().filter(type("ended")).count(), operator.frames().toString());
      assertEquals(List.of(), operator.frames().stream()
          .filter(f -> "lost in the freeze".equals(f.get("body")) || "error".equals(f.get("type"))).toList());
      assertEquals(List.of(), frozen.frames().stream().skip(frozenAt).filter(type("ended")).toList(),
          "the old home ended nothing");

      // node-a, woken alone, saw node-b leave: cut off, it did not take call 2 over from its live home
      Thread.sleep(Math.max(0, CALL_2_WATCHED.toMillis() - millisSince(woken)));
      assertEquals(List.of("node-b"), claims(cluster, call2), "call 2 stays with node-b");
      assertEquals(List.of(), citizen2.frames().stream().skip(citizen2At).filter(type("rehomed")).toList(),
          "call 2 never moved");
      int op2At = operator2.frames().size();
      operator2.send(Map.of("type", "text", "contactId", call2, "body", "after the merge"));
      await(citizen2, citizen2At, f -> "after the merge".equals(f.get("body")), TOLD);
      citizen2.send(Map.of("type", "hangup", "contactId", call2));
      await(operator2, op2At, type("ended"), TOLD);
      assertOneContactEachWithOneOperator(cluster, Map.of(call, "op-034", call2, "op-035"));
      assertEquals(List.of(), claims(cluster, call), "the claim goes with the call");
      assertEquals(List.of(), claims(cluster, call2));
    }
  }

  /**
   * The page reconnects to the woken node itself and resumes, as call.js does: a second after the old socket
   * closed, and again on a new socket when refused or unanswered. Until Hazelcast merges that node back it is
   * cut off (it sees itself alone; the database counts three live nodes) and must neither rebuild the call
   * over node-b's live claim nor relay to node-b, whose answers could not come back: it answers {@code
   * unavailable}. Once merged, the resume is handed to node-b. Before session 23 the woken node rebuilt the
   * call and voided node-b's claim.
   */
  private static JsonFrames resumeOnTheWokenNode(TestCluster cluster, URI a, JsonFrames died, String call,
      long woken) throws Exception {
    String token = (String) died.frames().stream().filter(type("session")).findFirst().orElseThrow().get("token");
    ClusterCallParties sockets = new ClusterCallParties();
    int refused = 0;
    int unanswered = 0;
    Thread.sleep(1_000);
    while (true) {
      assertTrue(millisSince(woken) < MERGED.toMillis(), "not served within " + MERGED + " of the wake");
      JsonFrames resumed = sockets.socket(a, "/ws/call");
      resumed.send(Map.of("type", "resume", "token", token));
      Map<String, Object> answer;
      try {
        answer = await(resumed, 0, f -> "session".equals(f.get("type")) || "error".equals(f.get("type")),
            RESUME_UNANSWERED);
      } catch (AssertionError silent) {
        answer = Map.of("type", "none");
      }
      assertEquals(List.of("node-b"), claims(cluster, call), "the woken node claimed nothing: " + answer);
      if ("session".equals(answer.get("type"))) {
        resumed.await(type("agent"));
        System.out.printf("woken node: the resume refused %d times (cut off), unanswered %d times, served (relayed"
            + " to node-b) %d ms after the wake (merge every %s)%n", refused, unanswered, millisSince(woken),
            MERGE_EVERY);
        return resumed;
      }
      if ("error".equals(answer.get("type"))) {
        assertEquals("unavailable", answer.get("error"), answer.toString());
        refused++;
      } else {
        unanswered++;
      }
      resumed.kill(); // the page drops this socket and opens another
      Thread.sleep(250);
    }
  }

  /** The node holding {@code contact}'s claim, if any. */
  private static List<String> claims(TestCluster cluster, String contact) throws Exception {
    try (Connection sql = cluster.database().open();
        PreparedStatement claim = sql.prepareStatement("select node from call_home where contact_id = ?")) {
      claim.setString(1, contact);
      try (ResultSet rows = claim.executeQuery()) {
        List<String> nodes = new java.util.ArrayList<>();
        while (rows.next()) {
          nodes.add(rows.getString(1));
        }
        return nodes;
      }
    }
  }
}
