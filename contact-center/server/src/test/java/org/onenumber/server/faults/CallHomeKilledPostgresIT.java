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
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
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

  private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";
  private static final String QUEUE = "sign-language-video";
  /** Parties hear of the home's death within this (Hazelcast drops a killed member in a few seconds; loaded CI). */
  private static final Duration TOLD = Duration.ofSeconds(30);

  private final ClusterClients clients = new ClusterClients();

  @Test
  void partiesOnSurvivorsAreToldWhenTheCallsHomeIsKilledAndTheirCallsGoOn() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("calls20_home_killed", "node-a", "node-b", "node-c")
        .with("datasources.default.maximum-pool-size", "8")) {
      ServerProcess home = cluster.process("node-a").start();
      URI a = home.uri();
      CompletableFuture<URI> startB = CompletableFuture.supplyAsync(() -> embedded(cluster, "node-b"));
      URI c = embedded(cluster, "node-c");
      URI b = startB.join();

      Operator op034 = signIn(b, "op-034");
      JsonFrames citizen1 = socket(a, "/ws/call");
      String call1 = startCall(citizen1, "calls20-home-01", op034);
      JsonFrames operator1 = join(b, op034, call1);

      Operator op035 = signIn(b, "op-035");
      JsonFrames started2 = socket(a, "/ws/call");
      String call2 = startCall(started2, "calls20-home-02", op035);
      JsonFrames operator2 = join(b, op035, call2);
      String token2 = (String) started2.await(type("session")).get("token");
      int op2Before = operator2.frames().size();
      started2.kill(); // call 2's citizen comes back on node-c: the resume is relayed to node-a, the home
      JsonFrames citizen2 = socket(c, "/ws/call");
      citizen2.send(Map.of("type", "resume", "token", token2));
      citizen2.await(type("agent"));
      await(operator2, op2Before, f -> "ready".equals(f.get("type")), Duration.ofSeconds(10));

      Operator op036 = signIn(b, "op-036"); // call 3: op-036's call socket is on node-a, the home, with its citizen
      JsonFrames citizen3 = socket(a, "/ws/call");
      String call3 = startCall(citizen3, "calls20-home-03", op036);
      join(a, op036, call3);

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
      JsonFrames resumed1 = resume(c, citizen1);
      await(operator1, op1At, f -> "peer-back".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      await(operator1, op1At, f -> "ready".equals(f.get("type")) && "citizen".equals(f.get("party")), TOLD);
      renegotiate(operator1, op1At, resumed1, call1);

      // call 3: both sockets died with node-a. The console reconnects on node-b and joins: no node holds the
      // call (refused); its citizen resumes on node-c, which rebuilds it; the console's socket follows it there
      JsonFrames operator3 = socket(b, "/ws/call?token=" + op036.token());
      operator3.send(Map.of("type", "join", "contactId", call3));
      Map<String, Object> refused = await(operator3, 0, type("error"), TOLD);
      assertTrue(List.of("forbidden", "unavailable").contains(refused.get("error")), refused.toString());
      JsonFrames resumed3 = resume(c, citizen3);
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

  private record Operator(URI node, String id, String token, JsonFrames console) {}

  private Operator signIn(URI node, String id) throws Exception {
    String token = clients.token(node, id);
    JsonFrames console = socket(node, "/ws/agents/" + id + "?token=" + token);
    console.await(type("snapshot"));
    HttpResponse<String> login = clients.send(node, "POST", "/api/v1/agents/" + id + "/login",
        "{\"queues\":[\"" + QUEUE + "\"]}", token);
    assertEquals(200, login.statusCode(), login.body());
    return new Operator(node, id, token, console);
  }

  /** The citizen starts a sign-language call; {@code operator} (the only one free) accepts it. */
  private String startCall(JsonFrames citizen, String caller, Operator operator) throws Exception {
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
  private JsonFrames join(URI node, Operator operator, String contact) {
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
  private JsonFrames resume(URI node, JsonFrames died) {
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
  private static void renegotiate(JsonFrames operator, int from, JsonFrames citizen, String contact) {
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

  /** Each call is one contact in the journal, CLOSED, connected once, to its operator. */
  private static void assertOneContactEachWithOneOperator(TestCluster cluster, Map<String, String> operators)
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
      }
    }
  }

  /** The first frame matching {@code match} among those {@code socket} received from index {@code from} on. */
  private static Map<String, Object> await(JsonFrames socket, int from, Predicate<Map<String, Object>> match,
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

  private static long millisSince(long nanos) {
    return (System.nanoTime() - nanos) / 1_000_000;
  }

  private static URI embedded(TestCluster cluster, String name) {
    try {
      return cluster.embedded(name).getURI();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private JsonFrames socket(URI node, String path) {
    return new JsonFrames(clients.json()).open(clients.http(), ws(node, path));
  }
}
