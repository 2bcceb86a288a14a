package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.faults.ClusterClients.offer;
import static org.onenumber.server.faults.ClusterClients.type;
import static org.onenumber.server.faults.ClusterClients.ws;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;

/**
 * Browser calls with their parties on different nodes (issue 11, session 19): three cluster nodes in this
 * JVM on one PostgreSQL (one routing partition, node-a its owner). The citizen calls on node-a (the call's
 * home), the signing operator op-034 works on node-b: console, accept and the call socket. The operator's
 * {@code join} on node-b reaches the call on node-a ({@code joined}, {@code ready}); offer, answer,
 * candidates and texts cross both ways; the operator's socket closing on node-b is the citizen's
 * {@code peer-left}, a new socket there joins again. The citizen's socket drops and resumes on node-b: the
 * resume goes to the home ({@code session}, {@code agent}; the operator {@code peer-back}, {@code ready}); back
 * on node-a. Then node-a stops: the citizen resumes on node-c with
 * the token of its {@code session} (checked there: signed with the cluster's shared secret), node-c rebuilds
 * the call from the journal and becomes its home, the operator's socket on node-b follows it ({@code
 * peer-back}, {@code ready}) and renegotiates; the citizen's hang-up on node-c ends the call for both and in
 * routing. Before, node-b knew no such call: the join was answered {@code forbidden} and the two never met;
 * and a token was known only to the node that made it.
 */
class CallsAcrossNodesPostgresIT {

  private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  private static final String QUEUE = "sign-language-video";

  private final ClusterClients clients = new ClusterClients();

  @Test
  void anOperatorOnAnotherNodeJoinsTheCitizensCallAndTheirSignallingCrossesTheBus() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("calls19_across_nodes", "node-a", "node-b", "node-c")
        .with("datasources.default.maximum-pool-size", "8")) { // three nodes within a shared test PostgreSQL's 100
      EmbeddedServer nodeA = cluster.embedded("node-a");
      URI a = nodeA.getURI();
      URI b = cluster.embedded("node-b").getURI();
      URI c = cluster.embedded("node-c").getURI();

      String token = clients.token(b, "op-034");
      JsonFrames console = socket(b, "/ws/agents/op-034?token=" + token);
      console.await(type("snapshot"));
      HttpResponse<String> login = clients.send(b, "POST", "/api/v1/agents/op-034/login",
          "{\"queues\":[\"" + QUEUE + "\"]}", token);
      assertEquals(200, login.statusCode(), login.body());

      JsonFrames citizen = socket(a, "/ws/call");
      citizen.send(Map.of("type", "start", "mode", "sign", "language", "en", "caller", "calls19-across-01"));
      String contact = (String) citizen.await(type("session")).get("contactId");
      citizen.await(type("waiting"));

      console.await(f -> "offer".equals(f.get("type")) && contact.equals(offer(f).get("contactId")));
      HttpResponse<String> accepted = clients.send(b, "POST", "/api/v1/offers/" + contact + "/accept", "{}", token);
      assertEquals(200, accepted.statusCode(), accepted.body());
      citizen.await(type("agent"));

      // the operator's call socket on node-b joins the call held on node-a
      JsonFrames operator = socket(b, "/ws/call?token=" + token);
      operator.send(Map.of("type", "join", "contactId", contact));
      Map<String, Object> joined = operator.await(f -> "joined".equals(f.get("type")) || "error".equals(f.get("type")));
      assertEquals("joined", joined.get("type"), "the join on node-b: " + joined);
      operator.await(f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")));

      // signalling both ways across the bus
      operator.send(Map.of("type", "offer", "contactId", contact, "sdp", SDP));
      assertEquals(SDP, citizen.await(f -> "offer".equals(f.get("type"))).get("sdp"));
      assertEquals("operator", citizen.await(type("offer")).get("from"));
      citizen.send(Map.of("type", "answer", "contactId", contact, "sdp", SDP));
      assertEquals("citizen", operator.await(type("answer")).get("from"));
      citizen.send(Map.of("type", "candidate", "contactId", contact, "candidate", "candidate:1 1 udp 1 127.0.0.1 5000 typ host",
          "sdpMid", "0", "sdpMLineIndex", 0));
      operator.await(f -> "candidate".equals(f.get("type")) && "citizen".equals(f.get("from")));
      operator.send(Map.of("type", "candidate", "contactId", contact, "candidate", "candidate:2 1 udp 1 127.0.0.1 5001 typ host",
          "sdpMid", "0", "sdpMLineIndex", 0));
      citizen.await(f -> "candidate".equals(f.get("type")) && "operator".equals(f.get("from")));
      operator.send(Map.of("type", "text", "contactId", contact, "body", "Hello from node-b"));
      citizen.await(f -> "text".equals(f.get("type")) && "Hello from node-b".equals(f.get("body")));
      citizen.send(Map.of("type", "text", "contactId", contact, "body", "Hello from node-a"));
      operator.await(f -> "text".equals(f.get("type")) && "Hello from node-a".equals(f.get("body")));
      assertTrue(operator.frames().stream().noneMatch(type("error")), operator.frames().toString());

      // the operator's socket on node-b drops: the citizen hears it; a new socket there joins again
      operator.kill();
      citizen.await(f -> "peer-left".equals(f.get("type")) && "operator".equals(f.get("party")));
      JsonFrames again = socket(b, "/ws/call?token=" + token);
      again.send(Map.of("type", "join", "contactId", contact));
      again.await(type("joined"));
      again.await(f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")));

      // the citizen's socket drops and comes back on node-b while node-a lives: the resume goes to the home
      String resumeToken = (String) citizen.await(type("session")).get("token");
      int joinedAt = again.frames().size();
      citizen.kill();
      await(again, joinedAt, f -> "peer-left".equals(f.get("type")) && "citizen".equals(f.get("party")));
      JsonFrames moved = socket(b, "/ws/call");
      moved.send(Map.of("type", "resume", "token", resumeToken));
      assertEquals(contact, moved.await(f -> "session".equals(f.get("type")) || "error".equals(f.get("type")))
          .get("contactId"), moved.frames().toString());
      moved.await(type("agent"));
      await(again, joinedAt, f -> "peer-back".equals(f.get("type")) && "citizen".equals(f.get("party")));
      await(again, joinedAt, f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")));
      moved.send(Map.of("type", "text", "contactId", contact, "body", "Back, from node-b"));
      await(again, joinedAt, f -> "text".equals(f.get("type")) && "Back, from node-b".equals(f.get("body")));
      // and once more on node-a, its home, whose stop then drops it
      moved.kill();
      JsonFrames home = socket(a, "/ws/call");
      home.send(Map.of("type", "resume", "token", resumeToken));
      home.await(type("agent"));
      assertEquals(List.of(), moved.frames().stream().filter(type("error")).toList());

      // node-a, the call's home (and routing's owner), stops; the citizen resumes on node-c with the token
      nodeA.getApplicationContext().close();
      int before = again.frames().size();
      long resumedAt = System.nanoTime();
      JsonFrames back = socket(c, "/ws/call");
      back.send(Map.of("type", "resume", "token", resumeToken));
      Map<String, Object> session = back.await(f -> "session".equals(f.get("type")) || "error".equals(f.get("type")));
      assertEquals("session", session.get("type"), "the resume on node-c: " + session);
      assertEquals(contact, session.get("contactId"));
      back.await(type("agent"));
      // the operator's socket on node-b follows the call to node-c: peer-back, then ready to renegotiate
      await(again, before, f -> "peer-back".equals(f.get("type")) && "citizen".equals(f.get("party")));
      await(again, before, f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")));
      System.out.printf("call resumed on node-c: the operator's ready on node-b %d ms after the resume%n",
          (System.nanoTime() - resumedAt) / 1_000_000);
      again.send(Map.of("type", "offer", "contactId", contact, "sdp", SDP + "a=ice-options:trickle\r\n"));
      back.await(f -> "offer".equals(f.get("type")) && "operator".equals(f.get("from")));
      back.send(Map.of("type", "answer", "contactId", contact, "sdp", SDP));
      await(again, before, f -> "answer".equals(f.get("type")) && "citizen".equals(f.get("from")));

      // the citizen hangs up on node-c: both hear ended once routing (its new owner) journaled it
      back.send(Map.of("type", "hangup", "contactId", contact));
      back.await(type("ended"));
      await(again, before, type("ended"));
      assertEquals(List.of(), again.frames().stream().filter(type("error")).toList());
      assertEquals(List.of(), back.frames().stream().filter(type("error")).toList());
      try (Connection sql = cluster.database().open(); Statement s = sql.createStatement();
          ResultSet state = s.executeQuery("select state from contact where id = '" + contact + "'")) {
        assertTrue(state.next());
        assertTrue(List.of("CLOSED", "ABANDONED").contains(state.getString(1).toUpperCase(Locale.ROOT)),
            "the call ended in routing: " + state.getString(1));
      }
    }
  }

  /** The first frame matching {@code match} among those {@code socket} received from index {@code from} on. */
  private static Map<String, Object> await(JsonFrames socket, int from, Predicate<Map<String, Object>> match) {
    socket.await(f -> socket.frames().stream().skip(from).anyMatch(match));
    return socket.frames().stream().skip(from).filter(match).findFirst().orElseThrow();
  }

  private JsonFrames socket(URI node, String path) {
    return new JsonFrames(clients.json()).open(clients.http(), ws(node, path));
  }
}
