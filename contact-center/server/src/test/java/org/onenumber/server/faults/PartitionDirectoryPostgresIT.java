package org.onenumber.server.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.routing.RoutingHost;

/**
 * The routing partitions' operator check (issue 11) beyond the start: on a fresh database the demo
 * seed's operators span {@code city} (general-ko) and the default partition, and the start fails
 * naming them once seeded; with disjoint operators the node starts, an admin edit giving an operator
 * queues of two partitions is a 400 naming them (nothing saved), and an operator logging in to queues
 * of a partition their directory entry does not serve (here: an entry listing no queue, the default
 * partition) is refused instead of being sent, later, to
 * the wrong engine.
 */
class PartitionDirectoryPostgresIT {

  @Test
  void theSeededDirectoryIsCheckedAndEditsAndLoginsAcrossPartitionsAreRefused() throws Exception {
    String fresh = TestDatabases.freshPostgres("partition_seed");
    RuntimeException refused = assertThrows(RuntimeException.class, () -> node(fresh).close());
    String message = messages(refused);
    assertTrue(message.contains("operators serve queues of two routing partitions") && message.contains("general-ko"),
        message);

    String url = TestDatabases.freshPostgres("partition_edits");
    PartitionFailoverPostgresIT.seedWithDisjointOperators(url);
    try (EmbeddedServer server = node(url)) {
      JdbcDirectory directory = server.getApplicationContext().getBean(JdbcDirectory.class);
      HttpClient http = HttpClient.newHttpClient();
      String admin = Logins.token(http, server.getURI(), "admin");
      HttpResponse<String> edit = http.send(HttpRequest.newBuilder(server.getURI().resolve(
          "/api/v1/admin/agents/op-001")).header("Authorization", "Bearer " + admin)
          .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(
              "{\"name\":\"Kim\",\"languages\":[\"ko\"],\"maxMessaging\":3,\"queues\":[\"messaging-ko\",\"english\"]}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      assertEquals(400, edit.statusCode(), edit.body());
      assertTrue(edit.body().startsWith("{") && edit.body().contains("op-001 (city: messaging-ko; routing: english)"),
          edit.body());
      assertEquals(Set.of(new QueueId("messaging-ko")), directory.agent(new AgentId("op-001")).orElseThrow().queues(),
          "nothing saved");

      Agent seeded = directory.agent(new AgentId("op-002")).orElseThrow(); // an entry listing no queue: the default partition
      Agent other = new Agent(seeded.id(), seeded.name(), seeded.skills(), seeded.languages(), seeded.capacity(), Set.of(),
          seeded.state(), seeded.breakReason());
      directory.save(other);
      RoutingHost routing = server.getApplicationContext().getBean(RoutingHost.class);
      InvalidInputException login = assertThrows(InvalidInputException.class, () -> routing.handle(
          new RoutingCommand.LogIn(other, Set.of(new QueueId("messaging-ko")), null)));
      assertTrue(login.getMessage().contains("logs in to queues of routing partition 'city'"), login.getMessage());
    }
  }

  private static EmbeddedServer node(String url) throws Exception {
    Map<String, String> settings = new HashMap<>(ClusterNodes.properties(url, List.of("node-a")).get(0));
    settings.put("onenumber.cluster.partitions", PartitionFailoverPostgresIT.PARTITIONS);
    return ApplicationContext.run(EmbeddedServer.class, PartitionFailoverPostgresIT.properties(settings));
  }

  private static String messages(Throwable thrown) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
