package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.onenumber.server.faults.ClusterClients.offer;
import static org.onenumber.server.faults.ClusterClients.type;
import static org.onenumber.server.faults.ClusterClients.ws;

import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.routing.RoutingHost;

/**
 * A wrap-up and its repeat that a load balancer sent to two nodes (issue 11, session 23): node-a (routing's owner)
 * and node-b run in this JVM on one PostgreSQL. op-032 accepted a call on a queue without wrap-up time; routing's
 * context on node-a is held in the journal commit of another contact's abandon (the test locks that contact's row),
 * the first wrap-up goes to node-a and its repeat to node-b, and both read the contact CONNECTED (their reads wait
 * in node-a's operators' lane: gauge {@code onenumber.routing.queued}). The lock is released: both answer 200
 * CLOSED, the journal has one CLOSED step by op-032 and one wrap-up note. Before, the one routing applied second
 * was 404 {@code not_found} or 409 {@code already_closed}: session 22's gate held a repeat only on the node of
 * the first try.
 */
class WrapUpRepeatAcrossNodesPostgresIT {

  private static final String QUEUE = "mongolian";
  private final ClusterClients clients = new ClusterClients();

  @Test
  void aWrapUpAndItsRepeatOnTwoNodesBothAnswer200AndCloseOnce() throws Exception {
    try (TestCluster cluster = TestCluster.onePartition("wrapups23_across_nodes", "node-a", "node-b")) {
      EmbeddedServer nodeA = cluster.embedded("node-a");
      URI a = nodeA.getURI();
      URI b = cluster.embedded("node-b").getURI();
      await("node-a routes").atMost(Duration.ofSeconds(30))
          .until(() -> !nodeA.getApplicationContext().getBean(RoutingHost.class).routedHere().isEmpty());
      String supervisor = clients.token(a, "sv-01");
      String operator = clients.token(b, "op-032");
      JsonFrames console = new JsonFrames(clients.json()).open(clients.http(), ws(b, "/ws/agents/op-032?token=" + operator));
      console.await(type("snapshot"));
      HttpResponse<String> login = clients.send(b, "POST", "/api/v1/agents/op-032/login",
          "{\"queues\":[\"" + QUEUE + "\"]}", operator);
      assertEquals(200, login.statusCode(), login.body());
      noWrapUpTime(a); // the engine knows the queue once an operator logged in to it
      String contact = created(a, supervisor, QUEUE, "mn", "010-5555-2301");
      console.await(f -> "offer".equals(f.get("type")) && contact.equals(offer(f).get("contactId")));
      HttpResponse<String> accepted = clients.send(b, "POST", "/api/v1/offers/" + contact + "/accept", "{}", operator);
      assertEquals(200, accepted.statusCode(), accepted.body());
      String other = created(a, supervisor, "vietnamese", "vi", "010-5555-2302");

      String path = "/api/v1/contacts/" + contact + "/wrap-up";
      MeterRegistry ownerMeters = nodeA.getApplicationContext().getBean(MeterRegistry.class);
      CompletableFuture<HttpResponse<String>> first;
      CompletableFuture<HttpResponse<String>> again;
      try (Connection lock = cluster.database().open()) {
        lock.setAutoCommit(false);
        try (PreparedStatement rowLock = lock.prepareStatement("select id from contact where id = ? for update")) {
          rowLock.setString(1, other);
          rowLock.executeQuery().close();
        }
        CompletableFuture<HttpResponse<String>> held = postLater(a, "/api/v1/contacts/" + other + "/abandon", "{}",
            supervisor);
        await("routing held in the abandon's commit").atMost(Duration.ofSeconds(10)).until(() -> lockWaits(cluster) > 0);
        first = postLater(a, path, "{\"outcome\":\"RESOLVED\"}", operator);
        again = postLater(b, path, "{\"outcome\":\"RESOLVED\",\"note\":\"sent again on node-b\"}", operator);
        // both tries' first reads wait on node-a behind the held commit; node-b's relay waits 3 s from its send, which
        // is just before its read is queued, and node-a's own request 10 s: released at once once both are there
        await("both tries wait for routing").atMost(Duration.ofSeconds(8)).pollInterval(Duration.ofMillis(10))
            .until(() -> ownerMeters.get(RoutingHost.QUEUED).tag("lane", "staff").gauge().value() == 2);
        assertFalse(first.isDone() || again.isDone() || held.isDone(), "routing is held in the other contact's commit");
        lock.rollback();
        assertEquals(200, held.get(30, TimeUnit.SECONDS).statusCode());
      }
      HttpResponse<String> onA = first.get(30, TimeUnit.SECONDS);
      HttpResponse<String> onB = again.get(30, TimeUnit.SECONDS);
      assertEquals(List.of(200, 200), List.of(onA.statusCode(), onB.statusCode()),
          "node-a: " + onA.body() + "; node-b: " + onB.body());
      for (HttpResponse<String> reply : List.of(onA, onB)) {
        assertEquals("CLOSED", clients.json().readValue(reply.body(), Map.class).get("state"), reply.body());
        assertFalse(reply.body().contains("010-5555"), "no stored value echoed");
      }
      assertEquals(List.of("op-032"), cluster.column("select actor from contact_step where contact_id = ?"
          + " and upper(state) = 'CLOSED'", contact), "one CLOSED step, by the operator");
      assertEquals(List.of("sent again on node-b"), cluster.column("select body from contact_note where contact_id = ?"
          + " and kind = 'WRAP_UP'", contact), "the repeat's note, once");
      HttpResponse<String> otherOutcome = clients.send(b, "POST", path, "{\"outcome\":\"ESCALATED\"}", operator);
      assertEquals(409, otherOutcome.statusCode(), otherOutcome.body());
      assertTrue(otherOutcome.body().contains("illegal_transition"), otherOutcome.body());
    }
  }

  /** The queue closes a contact at its wrap-up (no wrap-up time). */
  @SuppressWarnings("unchecked")
  private void noWrapUpTime(URI node) throws Exception {
    String admin = clients.token(node, "admin");
    Map<String, Object> config = new java.util.HashMap<>((Map<String, Object>) clients.get(node,
        "/api/v1/admin/queues/" + QUEUE, admin));
    config.put("wrapUpSeconds", 0);
    HttpResponse<String> put = clients.send(node, "PUT", "/api/v1/admin/queues/" + QUEUE,
        clients.json().writeValueAsString(config), admin);
    assertEquals(200, put.statusCode(), put.body());
  }

  private String created(URI node, String supervisor, String queue, String language, String phone) throws Exception {
    HttpResponse<String> created = clients.send(node, "POST", "/api/v1/contacts", "{\"channel\":\"VOICE\",\"phone\":\""
        + phone + "\",\"language\":\"" + language + "\",\"queue\":\"" + queue + "\"}", supervisor);
    assertEquals(201, created.statusCode(), created.body());
    return (String) clients.json().readValue(created.body(), Map.class).get("id");
  }

  private CompletableFuture<HttpResponse<String>> postLater(URI node, String path, String body, String token) {
    return clients.http().sendAsync(HttpRequest.newBuilder(node.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static int lockWaits(TestCluster cluster) throws Exception {
    return Integer.parseInt(cluster.column("select count(*)::text from pg_stat_activity where wait_event_type = 'Lock'"
        + " and datname = current_database() and ? <> ''", "-").getFirst());
  }
}
