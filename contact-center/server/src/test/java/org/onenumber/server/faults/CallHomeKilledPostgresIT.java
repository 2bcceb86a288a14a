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
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;

/**
 * Browser calls survive the SIGKILL of their home (issue 11, session 20). node-a runs as a server JVM (the
 * first up: routing's owner, and the home of both calls, whose citizens start there); node-b and node-c run
 * in this JVM. Call 1: the citizen stays on node-a, op-034 works on node-b. Call 2: the citizen's socket
 * moved to node-c (its resume relayed to node-a), op-035 works on node-b. node-a is killed with SIGKILL. Then,
 * within {@link #TOLD} and with nobody reconnecting: node-c (the citizen's node) rebuilds call 2 from the
 * journal, its citizen hears {@code rehomed}, and op-035's socket follows it there ({@code peer-back},
 * {@code ready}); node-b rebuilds call 1 (no other node holds it), op-034 hears {@code rehomed} and {@code
 * peer-left} (the citizen's socket died with node-a). The citizen of call 1 resumes on node-c, which hands it
 * to node-b; op-034 hears {@code peer-back} and {@code ready}. Call 3: op-036's call socket was on node-a
 * with its citizen's; its console reconnects on node-b and joins (refused: no node holds the call yet), the
 * citizen resumes on node-c, which rebuilds the call, and the console's socket follows it ({@code peer-back},
 * {@code ready}). The calls renegotiate (offer, answer, text
 * across the nodes) and are hung up by their citizens: both sides hear {@code ended}, and the journal holds
 * three contacts, each CLOSED with one answering operator. Before, nothing told a party on a survivor: the
 * operators heard nothing until a citizen resumed, and call 2's citizen on node-c was stranded (its frames
 * went to a dead home).
 */
class CallHomeKilledPostgresIT {

  private final ClusterCallParties parties = new ClusterCallParties();

  @Test
  void partiesOnSurvivorsAreToldWhenTheCallsHomeIsKilledAndTheirCallsGoOn() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("calls20_home_killed", "node-a", "node-b", "node-c")
        .with("datasources.default.maximum-pool-size", "8")) {
      ClusterCallParties.Nodes nodes = ClusterCallParties.start(cluster);
      ServerProcess home = nodes.home();
      URI a = nodes.a();
      URI b = nodes.b();
      URI c = nodes.c();

      var op034 = parties.signIn(b, "op-034");
      JsonFrames citizen1 = parties.socket(a, "/ws/call");
      String call1 = parties.startCall(citizen1, "calls20-home-01", op034);
      JsonFrames operator1 = parties.join(b, op034, call1);

      var op035 = parties.signIn(b, "op-035");
      JsonFrames started2 = parties.socket(a, "/ws/call");
      String call2 = parties.startCall(started2, "calls20-home-02", op035);
      JsonFrames operator2 = parties.join(b, op035, call2);
      String token2 = (String) started2.await(type("session")).get("token");
      int op2Before = operator2.frames().size();
      started2.kill(); // call 2's citizen comes back on node-c: the resume is relayed to node-a, the home
      JsonFrames citizen2 = parties.socket(c, "/ws/call");
      citizen2.send(Map.of("type", "resume", "token", token2));
      citizen2.await(type("agent"));
      await(operator2, op2Before, f -> "ready".equals(f.get("type")), Duration.ofSeconds(10));

      var op036 = parties.signIn(b, "op-036"); // call 3: op-036's call socket is on node-a, the home, with its citizen
      JsonFrames citizen3 = parties.socket(a, "/ws/call");
      String call3 = parties.startCall(citizen3, "calls20-home-03", op036);
      parties.join(a, op036, call3);

      int op1At = operator1.frames().size();
      int op2At = operator2.frames().size();
      int citizen2At = citizen2.frames().size();
      long killed = System.nanoTime();
      home.kill();

      await(citizen2, citizen2At, type("rehomed"), TOLD);
      long citizen2Told = millisSince(killed);
      await(operator2, op2At, f -> "peer-back".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      await(operator2, op2At, f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      long operator2Ready = millisSince(killed);
      await(operator1, op1At, type("rehomed"), TOLD);
      long operator1Told = millisSince(killed);
      await(operator1, op1At, f -> "peer-left".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      System.out.printf("home killed: call 2's citizen told (rehomed) in %d ms, its operator ready in %d ms; "
          + "call 1's operator told (rehomed, peer-left) in %d ms%n", citizen2Told, operator2Ready, operator1Told);

      // call 2 goes on between node-c (its new home) and node-b
      renegotiate(operator2, op2At, citizen2, call2);

      // call 1's citizen, whose socket died with node-a, resumes on node-c: handed to node-b, its new home
      JsonFrames resumed1 = parties.resume(c, citizen1);
      await(operator1, op1At, f -> "peer-back".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      await(operator1, op1At, f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      renegotiate(operator1, op1At, resumed1, call1);

      // call 3: both sockets died with node-a. The console reconnects on node-b and joins: no node holds the
      // call (refused); its citizen resumes on node-c, which rebuilds it; the console's socket follows it there
      JsonFrames operator3 = parties.socket(b, "/ws/call?token=" + op036.token());
      operator3.send(Map.of("type", "join", "contactId", call3));
      Map<String, Object> refused = await(operator3, 0, type("error"), TOLD);
      assertTrue(List.of("forbidden", "unavailable").contains(refused.get("error")), refused.toString());
      JsonFrames resumed3 = parties.resume(c, citizen3);
      await(operator3, 0, f -> "peer-back".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      await(operator3, 0, f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      renegotiate(operator3, 0, resumed3, call3);

      Map<JsonFrames, String> citizens = Map.of(resumed1, call1, citizen2, call2, resumed3, call3);
      citizens.forEach((citizen, contact) -> {
        citizen.send(Map.of("type", "hangup", "contactId", contact));
        await(citizen, 0, f -> "ended".equals(f.get("type")) && contact.equals(f.get("contactId")), TOLD);
      });
      await(operator1, op1At, type("ended"), TOLD);
      await(operator2, op2At, type("ended"), TOLD);
      await(operator3, 0, type("ended"), TOLD);
      for (JsonFrames socket : List.of(operator1, operator2, citizen2, resumed1, resumed3)) {
        assertEquals(List.of(), socket.frames().stream().filter(type("error"))
            .filter(f -> !citizens.containsKey(socket) || !"unavailable".equals(f.get("error"))).toList(),
            socket.frames().toString());
      }
      assertEquals(List.of(refused), operator3.frames().stream().filter(type("error")).toList());
      assertOneContactEachWithOneOperator(cluster, Map.of(call1, "op-034", call2, "op-035", call3, "op-036"));
    }
  }
}
