package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.faults.ClusterClients.offer;
import static org.onenumber.server.faults.ClusterClients.type;
import static org.onenumber.server.faults.ClusterClients.ws;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;

/**
 * Browser calls with their parties on different nodes (issue 11, session 19): two cluster nodes in this JVM
 * on one PostgreSQL (one routing partition, node-a its owner). The citizen calls on node-a (the call's
 * home), the signing operator op-034 works on node-b: console, accept and the call socket. The operator's
 * {@code join} on node-b reaches the call on node-a ({@code joined}, {@code ready}); offer, answer,
 * candidates and texts cross both ways; the operator's socket closing on node-b is the citizen's
 * {@code peer-left}, a new socket there joins again; the citizen's hang-up ends the call for both. Before,
 * node-b knew no such call: the join was answered {@code forbidden} and the two never met.
 */
class CallsAcrossNodesPostgresIT {

  private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  private static final String QUEUE = "sign-language-video";

  private final ClusterClients clients = new ClusterClients();

  @Test
  void anOperatorOnAnotherNodeJoinsTheCitizensCallAndTheirSignallingCrossesTheBus() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("calls19_across_nodes", "node-a", "node-b")) {
      URI a = cluster.embedded("node-a").getURI();
      EmbeddedServer nodeB = cluster.embedded("node-b");
      URI b = nodeB.getURI();

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

      // the citizen hangs up on node-a: both hear ended
      citizen.send(Map.of("type", "hangup", "contactId", contact));
      citizen.await(type("ended"));
      again.await(type("ended"));
      assertEquals(List.of(), again.frames().stream().filter(type("error")).toList());
    }
  }

  private JsonFrames socket(URI node, String path) {
    return new JsonFrames(clients.json()).open(clients.http(), ws(node, path));
  }
}
