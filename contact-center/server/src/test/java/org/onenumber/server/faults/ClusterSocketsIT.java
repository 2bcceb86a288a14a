package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.faults.ClusterClients.contactOf;
import static org.onenumber.server.faults.ClusterClients.offer;
import static org.onenumber.server.faults.ClusterClients.type;
import static org.onenumber.server.faults.ClusterClients.ws;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;


/**
 * Operators and citizens connected to any node of the cluster (issue 11): two server JVMs on one
 * PostgreSQL, their buses clustered on loopback. The operator (console socket and HTTP) and the
 * citizens' chat sockets are on the <em>standby</em>: commands and engine reads are relayed to the owner. A
 * citizen who leaves a waiting chat on the standby has it abandoned by the owner (the command relayed
 * over the bus; before, the standby answered an error and the chat stayed). Then the operator gets the
 * offer of a chat whose citizen writes on the standby, accepts, both exchange messages, the operator
 * wraps up: every push crosses the bus. Before, the standby closed the console with 1013 and its chat
 * sockets heard nothing routed on the owner. Then the owner is killed: the standby takes over, the
 * console (still open) gets a fresh snapshot, and the next chat is offered and accepted there.
 */
class ClusterSocketsIT {

  private static final Duration PUSH = Duration.ofSeconds(15);

  private final ClusterClients clients = new ClusterClients();
  private final HttpClient http = clients.http();
  private final JsonMapper json = clients.json();

  @Test
  void anOperatorAndCitizensOnTheStandbyWorkChatsRoutedByTheOwnerAndCarryOnWhenItDies() throws Exception {
    List<ServerProcess> nodes = ClusterNodes.twoNodes("cluster_sockets");
    ServerProcess owner = nodes.get(0);
    ServerProcess standby = nodes.get(1);
    try {
      owner.start();
      standby.startAlive();
      assertEquals(503, send(standby.uri(), "GET", "/health", null, null).statusCode(), "node-b is a standby");

      // 1. a citizen on the standby leaves a waiting chat: the owner abandons it (a relayed command)
      JsonFrames leaving = chat(standby.uri(), "lv-1", "Is the pool open?");
      String left = contactOf(leaving);
      await("the owner routes the standby's chat").atMost(PUSH).pollInterval(Duration.ofMillis(100))
          .until(() -> send(owner.uri(), "GET", "/api/v1/contacts/" + left + "/position", null,
              Logins.token(http, owner.uri(), "op-001")).statusCode() == 200);
      leaving.send(Map.of("type", "leave"));
      leaving.await(f -> "ended".equals(f.get("type")));
      assertTrue(leaving.frames().stream().noneMatch(f -> "error".equals(f.get("type"))), leaving.frames().toString());

      // 2. the operator is on the standby, console and HTTP: their commands and reads are the owner's
      String token = Logins.token(http, standby.uri(), "op-001");
      JsonFrames console = new JsonFrames(json).open(http, ws(standby.uri(), "/ws/agents/op-001?token=" + token));
      console.await(type("snapshot"));
      assertEquals(200, send(standby.uri(), "POST", "/api/v1/agents/op-001/login",
          "{\"queues\":[\"" + SimulatedOperators.QUEUE + "\"]}", token).statusCode());
      await("the console on the standby hears the login routed on the owner").atMost(PUSH)
          .until(() -> console.frames().stream().anyMatch(f -> "agent.state".equals(f.get("type"))));

      // 3. a chat on the standby is offered, accepted, talked through and wrapped up
      JsonFrames citizen = chat(standby.uri(), "c-1", "My street light is out");
      String contact = contactOf(citizen);
      console.await(f -> "offer".equals(f.get("type")) && contact.equals(offer(f).get("contactId")));
      HttpResponse<String> accepted = send(standby.uri(), "POST", "/api/v1/offers/" + contact + "/accept", "{}", token);
      assertEquals(200, accepted.statusCode(), accepted.body());
      assertTrue(accepted.body().contains("\"CONNECTED\""), accepted.body());
      citizen.await(type("agent"));
      console.await(f -> "contact.state".equals(f.get("type")) && "CONNECTED".equals(f.get("to")));
      HttpResponse<String> reply = send(standby.uri(), "POST", "/api/v1/contacts/" + contact + "/messages",
          "{\"body\":\"Which street, please?\"}", token);
      assertTrue(reply.statusCode() / 100 == 2, reply.statusCode() + " " + reply.body());
      citizen.await(f -> "message".equals(f.get("type")) && "Which street, please?".equals(f.get("body")));
      citizen.send(Map.of("type", "message", "clientId", "c-2", "body", "Maple Road 12"));
      citizen.await(f -> "ack".equals(f.get("type")) && "c-2".equals(f.get("clientId")));
      console.await(f -> "message".equals(f.get("type")) && "IN".equals(f.get("direction"))
          && contact.equals(f.get("contactId")));
      citizen.send(Map.of("type", "typing"));
      console.await(f -> "typing".equals(f.get("type")) && contact.equals(f.get("contactId")));
      HttpResponse<String> wrapped = send(standby.uri(), "POST", "/api/v1/contacts/" + contact + "/wrap-up",
          "{\"outcome\":\"RESOLVED\"}", token);
      assertTrue(wrapped.statusCode() == 200 && wrapped.body().contains("\"WRAP_UP\""), wrapped.body());
      assertTrue(send(standby.uri(), "GET", "/api/v1/agents/op-001/work", null, token).body().contains(contact),
          "the standby answers the operator's work from the owner's engine");
      citizen.await(type("ended"));
      console.await(f -> "contact.state".equals(f.get("type")) && "WRAP_UP".equals(f.get("to")));
      assertEquals(200, send(standby.uri(), "POST", "/api/v1/contacts/" + contact + "/close",
          "{\"outcome\":\"RESOLVED\"}", token).statusCode());

      // 4. the owner dies: the standby takes over, the console stays and gets the new owner's snapshot
      long snapshots = console.frames().stream().filter(type("snapshot")).count();
      long killedAt = System.nanoTime();
      owner.kill();
      await("node-b takes the lease").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
          .until(() -> send(standby.uri(), "GET", "/health", null, null).statusCode() == 200);
      await("a fresh snapshot from the new owner").atMost(PUSH)
          .until(() -> console.frames().stream().filter(type("snapshot")).count() > snapshots);
      System.out.printf("console socket on the standby: new owner's snapshot %d ms after the kill%n",
          (System.nanoTime() - killedAt) / 1_000_000);
      assertNull(console.closedWith(), "the console socket stays open through the failover");
      Map<String, Object> fresh = console.frames().stream().filter(type("snapshot")).reduce((a, b) -> b).orElseThrow();
      assertEquals("op-001", ((Map<?, ?>) fresh.get("agent")).get("agentId"), fresh.toString());

      JsonFrames next = chat(standby.uri(), "n-1", "Bulky waste pickup?");
      String nextContact = contactOf(next);
      console.await(f -> "offer".equals(f.get("type")) && nextContact.equals(offer(f).get("contactId")));
      assertEquals(200, send(standby.uri(), "POST", "/api/v1/offers/" + nextContact + "/accept", "{}", token)
          .statusCode());
      next.await(type("agent"));
    } finally {
      standby.stop();
      owner.stop();
    }
  }

  private JsonFrames chat(URI node, String clientId, String body) {
    return clients.chat(node, clientId, body);
  }

  private HttpResponse<String> send(URI node, String method, String path, String body, String token)
      throws IOException, InterruptedException {
    return clients.send(node, method, path, body, token);
  }
}
