package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.faults.ClusterClients.contactOf;
import static org.onenumber.server.faults.ClusterClients.offer;
import static org.onenumber.server.faults.ClusterClients.type;
import static org.onenumber.server.faults.ClusterClients.ws;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;

/**
 * Every engine read answered on a cluster standby as on the owner (issue 11): two server JVMs on one
 * PostgreSQL, their buses clustered on loopback. A citizen's chat waits on the standby: its position
 * and estimated wait, its queue's status, the routing admin's queues, its call card ({@code CallAccess})
 * are read on the standby from the owner's engine (named reads over the bus) and equal the owner's
 * answers. An operator on the standby accepts it; a supervisor on the standby sees it on the floor and
 * monitors it, the operator sees the mark; an admin changes the operator's capacity there. The operator
 * types on the owner and the citizen, on the standby, sees it; the owner's presence poll sees the citizen
 * connected (and typing) there, and not once the socket closed. Before, each of these reads answered 503
 * on the standby, the typing never reached the citizen and the presence said not connected.
 */
class ClusterReadsIT {

  private static final Duration PUSH = Duration.ofSeconds(15);

  private final ClusterClients clients = new ClusterClients();

  @Test
  void aStandbyAnswersEveryEngineReadAsTheOwnerDoes() throws Exception {
    List<ServerProcess> nodes = ClusterNodes.twoNodes("cluster_reads");
    ServerProcess owner = nodes.get(0);
    ServerProcess standby = nodes.get(1);
    try {
      owner.start();
      standby.startAlive();
      URI a = owner.uri();
      URI b = standby.uri();
      assertEquals(503, clients.send(b, "GET", "/health", null, null).statusCode(), "node-b is a standby");
      String operator = clients.token(b, "op-001");
      String supervisor = clients.token(b, "sv-01");
      String admin = clients.token(b, "admin");

      // 1. a chat waits (nobody logged in): the standby reads its position, its queue, the configuration
      JsonFrames citizen = clients.chat(b, "r-1", "Where do I renew a parking permit?");
      String contact = contactOf(citizen);
      String position = "/api/v1/contacts/" + contact + "/position";
      await("the owner routes the standby's chat").atMost(PUSH).pollInterval(Duration.ofMillis(100))
          .until(() -> clients.send(a, "GET", position, null, operator).statusCode() == 200);
      Map<?, ?> waiting = (Map<?, ?>) clients.get(b, position, operator);
      assertEquals(1, waiting.get("position"), waiting.toString());
      assertEquals(SimulatedOperators.QUEUE, waiting.get("queueId"), waiting.toString());
      assertEquals(without((Map<?, ?>) clients.get(a, position, operator), "waitingSeconds", "ewtSeconds"),
          without(waiting, "waitingSeconds", "ewtSeconds"));
      String status = "/api/v1/queues/" + SimulatedOperators.QUEUE + "/status";
      Map<?, ?> queue = (Map<?, ?>) clients.get(b, status, supervisor);
      assertEquals(1, queue.get("waiting"), queue.toString());
      assertEquals(404, clients.send(b, "GET", "/api/v1/queues/no-such-queue/status", null, supervisor).statusCode(),
          "an unknown queue is 404 on the standby as on the owner");
      assertEquals(clients.get(a, "/api/v1/admin/queues", admin), clients.get(b, "/api/v1/admin/queues", admin));
      String oneQueue = "/api/v1/admin/queues/" + SimulatedOperators.QUEUE;
      assertEquals(clients.get(a, oneQueue, admin), clients.get(b, oneQueue, admin));
      String card = "/api/v1/contacts/" + contact + "/call";
      assertEquals(clients.get(a, card, supervisor), clients.get(b, card, supervisor), "CallAccess on the standby");

      // 2. the operator on the standby accepts it; the supervisor on the standby sees it and monitors it
      JsonFrames console = new JsonFrames(clients.json()).open(clients.http(),
          ws(b, "/ws/agents/op-001?token=" + operator));
      console.await(type("snapshot"));
      assertEquals(200, clients.send(b, "POST", "/api/v1/agents/op-001/login",
          "{\"queues\":[\"" + SimulatedOperators.QUEUE + "\"]}", operator).statusCode());
      console.await(f -> "offer".equals(f.get("type")) && contact.equals(offer(f).get("contactId")));
      assertEquals(200, clients.send(b, "POST", "/api/v1/offers/" + contact + "/accept", "{}", operator).statusCode());
      citizen.await(type("agent"));
      List<?> floor = (List<?>) ((Map<?, ?>) clients.get(b, "/api/v1/monitor/conversations", supervisor)).get("items");
      assertTrue(floor.stream().anyMatch(c -> contact.equals(((Map<?, ?>) c).get("contactId"))), floor.toString());
      assertEquals(clients.get(a, "/api/v1/monitor/conversations", supervisor), Map.of("items", floor));
      HttpResponse<String> monitoring = clients.send(b, "POST", "/api/v1/monitor/conversations/" + contact + "/session",
          "{\"mode\":\"SILENT\"}", supervisor);
      assertEquals(200, monitoring.statusCode(), monitoring.body());
      HttpResponse<String> mark = clients.send(b, "GET", "/api/v1/monitor/conversations/" + contact + "/sessions", null,
          operator);
      assertTrue(mark.statusCode() == 200 && mark.body().contains("sv-01"), mark.statusCode() + " " + mark.body());

      // 3. an admin on the standby changes the logged-in operator's capacity (the engine is asked who is in)
      Map<String, Object> agent = new LinkedHashMap<>(((List<?>) clients.get(b, "/api/v1/admin/agents", admin)).stream()
          .map(m -> (Map<?, ?>) m).filter(m -> "op-001".equals(m.get("agentId"))).findFirst().orElseThrow()
          .entrySet().stream().collect(LinkedHashMap::new, (m, e) -> m.put((String) e.getKey(), e.getValue()),
              Map::putAll));
      agent.put("maxMessaging", 2);
      HttpResponse<String> changed = clients.send(b, "PUT", "/api/v1/admin/agents/op-001",
          clients.json().writeValueAsString(agent), admin);
      assertEquals(200, changed.statusCode(), changed.body());

      // 4. the operator types on the owner; the citizen's socket is on the standby
      String ownerToken = clients.token(a, "op-001");
      assertEquals(204, clients.send(a, "POST", "/api/v1/contacts/" + contact + "/typing", "{}", ownerToken)
          .statusCode());
      citizen.await(type("typing"));
      String presence = "/api/v1/contacts/" + contact + "/presence";
      assertEquals(true, ((Map<?, ?>) clients.get(a, presence, ownerToken)).get("citizenConnected"),
          "the owner's console poll sees the citizen connected to the standby");
      citizen.send(Map.of("type", "typing"));
      await("the citizen's typing reaches the owner").atMost(PUSH)
          .until(() -> Boolean.TRUE.equals(((Map<?, ?>) clients.get(a, presence, ownerToken)).get("citizenTyping")));
      citizen.kill();
      await("a closed socket is not connected, on any node").atMost(PUSH)
          .until(() -> Boolean.FALSE.equals(((Map<?, ?>) clients.get(a, presence, ownerToken)).get("citizenConnected")));
    } finally {
      standby.stop();
      owner.stop();
    }
  }

  private static Map<?, ?> without(Map<?, ?> view, String... keys) {
    Map<Object, Object> rest = new LinkedHashMap<>(view);
    for (String key : keys) {
      rest.remove(key);
    }
    return rest;
  }
}
