package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.faults.ClusterClients.offer;
import static org.onenumber.server.faults.ClusterClients.type;
import static org.onenumber.server.faults.ClusterClients.ws;

import java.net.URI;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.onenumber.server.JsonFrames;

/**
 * The parties of browser calls in a test cluster, for the tests of a call whose home is lost ({@link
 * CallHomeKilledPostgresIT}, {@link CallHomeFrozenPostgresIT}): operators who sign in and accept, citizens who
 * start, resume and hang up, the frames they await, and the journal's check at the end.
 */
final class ClusterCallParties {

  static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  static final String QUEUE = "sign-language-video";
  /** Parties hear of a lost home within this (Hazelcast drops a member in a few seconds; loaded CI). */
  static final Duration TOLD = Duration.ofSeconds(30);

  private final ClusterClients clients = new ClusterClients();

  record Operator(URI node, String id, String token, JsonFrames console) {}

  Operator signIn(URI node, String id) throws Exception {
    String token = clients.token(node, id);
    JsonFrames console = socket(node, "/ws/agents/" + id + "?token=" + token);
    console.await(type("snapshot"));
    HttpResponse<String> login = clients.send(node, "POST", "/api/v1/agents/" + id + "/login",
        "{\"queues\":[\"" + QUEUE + "\"]}", token);
    assertEquals(200, login.statusCode(), login.body());
    return new Operator(node, id, token, console);
  }

  /** The citizen starts a sign-language call; {@code operator} (the only one free) accepts it. */
  String startCall(JsonFrames citizen, String caller, Operator operator) throws Exception {
    citizen.send(Map.of("type", "start", "mode", "sign", "language", "en", "caller", caller));
    String contact = (String) citizen.await(type("session")).get("contactId");
    operator.console().await(f -> "offer".equals(f.get("type")) && contact.equals(offer(f).get("contactId")));
    HttpResponse<String> accepted = clients.send(operator.node(), "POST", "/api/v1/offers/" + contact + "/accept",
        "{}", operator.token());
    assertEquals(200, accepted.statusCode(), accepted.body());
    citizen.await(type("agent"));
    return contact;
  }

  /** The operator's call socket on its node joins {@code contact}'s call (held on node-a). */
  JsonFrames join(URI node, Operator operator, String contact) {
    JsonFrames socket = socket(node, "/ws/call?token=" + operator.token());
    socket.send(Map.of("type", "join", "contactId", contact));
    Map<String, Object> joined = socket.await(f -> "joined".equals(f.get("type")) || "error".equals(f.get("type")));
    assertEquals("joined", joined.get("type"), "the join: " + joined);
    socket.await(f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")));
    return socket;
  }

  /**
   * The citizen whose socket died resumes on {@code node} with its first session's token; again on {@code
   * unavailable} (retriable: just after the death the bus may still send a request to the dead node).
   */
  JsonFrames resume(URI node, JsonFrames died) {
    String token = (String) died.frames().stream().filter(type("session")).findFirst().orElseThrow().get("token");
    JsonFrames resumed = socket(node, "/ws/call");
    Map<String, Object> session = Map.of();
    for (int attempt = 1; attempt <= 3 && !"session".equals(session.get("type")); attempt++) {
      int at = resumed.frames().size();
      resumed.send(Map.of("type", "resume", "token", token));
      session = await(resumed, at, f -> "session".equals(f.get("type")) || "error".equals(f.get("type")), TOLD);
    }
    assertEquals("session", session.get("type"), "the resume: " + session);
    resumed.await(type("agent"));
    return resumed;
  }

  /** The operator offers again (ICE restart), the citizen answers, a text each way. */
  static void renegotiate(JsonFrames operator, int from, JsonFrames citizen, String contact) {
    int citizenAt = citizen.frames().size();
    operator.send(Map.of("type", "offer", "contactId", contact, "sdp", SDP + "a=ice-options:trickle\r\n"));
    await(citizen, citizenAt, f -> "offer".equals(f.get("type")) && "operator".equals(f.get("from")), TOLD);
    citizen.send(Map.of("type", "answer", "contactId", contact, "sdp", SDP));
    await(operator, from, f -> "answer".equals(f.get("type")) && "citizen".equals(f.get("from")), TOLD);
    operator.send(Map.of("type", "text", "contactId", contact, "body", "still here " + contact));
    await(citizen, citizenAt, f -> "text".equals(f.get("type")) && ("still here " + contact).equals(f.get("body")), TOLD);
    citizen.send(Map.of("type", "text", "contactId", contact, "body", "me too " + contact));
    await(operator, from, f -> "text".equals(f.get("type")) && ("me too " + contact).equals(f.get("body")), TOLD);
  }

  /** Each call is one contact in the journal, CLOSED once, connected once, to its operator. */
  static void assertOneContactEachWithOneOperator(TestCluster cluster, Map<String, String> operators)
      throws Exception {
    try (Connection sql = cluster.database().open()) {
      try (PreparedStatement count = sql.prepareStatement("select count(*) from contact where channel = 'VIDEO'");
          ResultSet rows = count.executeQuery()) {
        assertTrue(rows.next());
        assertEquals(operators.size(), rows.getInt(1), "one contact per call");
      }
      for (Map.Entry<String, String> call : operators.entrySet()) {
        try (PreparedStatement steps = sql.prepareStatement(
            "select s.agent_id, c.state from contact_step s join contact c on c.id = s.contact_id "
                + "where s.contact_id = ? and s.state = 'CONNECTED'")) {
          steps.setString(1, call.getKey());
          List<String> connected = new ArrayList<>();
          String state = null;
          try (ResultSet rows = steps.executeQuery()) {
            while (rows.next()) {
              connected.add(rows.getString(1));
              state = rows.getString(2);
            }
          }
          assertEquals(List.of(call.getValue()), connected, "one answering operator for " + call.getKey());
          assertEquals("CLOSED", String.valueOf(state).toUpperCase(Locale.ROOT), "the call ended in routing");
        }
        try (PreparedStatement closed = sql.prepareStatement(
            "select count(*) from contact_step where contact_id = ? and state = 'CLOSED'")) {
          closed.setString(1, call.getKey());
          try (ResultSet rows = closed.executeQuery()) {
            assertTrue(rows.next());
            assertEquals(1, rows.getInt(1), "one CLOSED step for " + call.getKey());
          }
        }
      }
    }
  }

  /** The first frame matching {@code match} among those {@code socket} received from index {@code from} on. */
  static Map<String, Object> await(JsonFrames socket, int from, Predicate<Map<String, Object>> match,
      Duration atMost) {
    try {
      Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(5))
          .until(() -> socket.frames().stream().skip(from).anyMatch(match));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("not within " + atMost + "; the frames since: "
          + socket.frames().stream().skip(from).toList(), e);
    }
    return socket.frames().stream().skip(from).filter(match).findFirst().orElseThrow();
  }

  static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  /** The three nodes of a call test: node-a a server JVM (the calls' home, the one the test kills or freezes), node-b and node-c embedded. */
  record Nodes(ServerProcess home, URI a, URI b, URI c) {}

  /** Starts node-a's JVM, then node-b and node-c side by side. */
  static Nodes start(TestCluster cluster) throws Exception {
    ServerProcess home = cluster.process("node-a").start();
    java.util.concurrent.CompletableFuture<URI> b =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> embedded(cluster, "node-b"));
    URI c = embedded(cluster, "node-c");
    return new Nodes(home, home.uri(), b.join(), c);
  }

  static URI embedded(TestCluster cluster, String name) {
    try {
      return cluster.embedded(name).getURI();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  JsonFrames socket(URI node, String path) {
    return new JsonFrames(clients.json()).open(clients.http(), ws(node, path));
  }
}
