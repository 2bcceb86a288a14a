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
 * reconnect: true}, the text reaches nobody and the hang-up reaches no journal. The page reconnects on node-c
 * and resumes: handed to node-b, the one home; op-034 hears {@code peer-back}, {@code ready}; they
 * renegotiate, the citizen hangs up. The journal holds one contact, connected once and CLOSED once, and no
 * claim is left. Before, the woken node handled the buffered hang-up as its own: routing closed the contact
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

  private final ClusterCallParties parties = new ClusterCallParties();

  @Test
  void aHomeWokenAfterItsCallWasTakenOverGivesTheCallUpAndJournalsNothingForIt() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("fence21_home_frozen", "node-a", "node-b", "node-c")
        .with("datasources.default.maximum-pool-size", "8")
        .with("onenumber.cluster.heartbeat-limit", HEARTBEAT_LIMIT)) {
      ClusterCallParties.Nodes nodes = ClusterCallParties.start(cluster);
      ServerProcess home = nodes.home();
      URI a = nodes.a();
      URI b = nodes.b();
      URI c = nodes.c();

      var op034 = parties.signIn(b, "op-034");
      JsonFrames frozen = parties.socket(a, "/ws/call");
      String call = parties.startCall(frozen, "fence21-home-01", op034);
      JsonFrames operator = parties.join(b, op034, call);
      assertEquals(List.of("node-a"), claims(cluster, call), "the home claimed the call");

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

      JsonFrames resumed = parties.resume(c, frozen); // the page reconnects (any node) and resumes
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
      assertOneContactEachWithOneOperator(cluster, Map.of(call, "op-034"));
      assertEquals(List.of(), claims(cluster, call), "the claim goes with the call");
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
