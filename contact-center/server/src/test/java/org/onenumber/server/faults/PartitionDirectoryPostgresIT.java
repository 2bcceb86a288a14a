package org.onenumber.server.faults;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.routing.QueueStatus;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.routing.EngineRead;
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

  @Test
  void aTransferToAnotherPartitionsQueueIsHandedOverThroughTheJournalWithItsWaitKept() throws Exception {
    String url = TestDatabases.freshPostgres("partition_handoff");
    PartitionFailoverPostgresIT.seedWithDisjointOperators(url);
    try (EmbeddedServer server = node(url)) {
      JdbcDirectory directory = server.getApplicationContext().getBean(JdbcDirectory.class);
      RoutingHost routing = server.getApplicationContext().getBean(RoutingHost.class);
      Agent seeded = directory.agent(new AgentId("op-001")).orElseThrow();
      Agent kim = new Agent(seeded.id(), seeded.name(), seeded.skills(), seeded.languages(), seeded.capacity(),
          Set.of(new QueueId("messaging-ko"), new QueueId("general-ko")), seeded.state(), seeded.breakReason());
      directory.save(kim);
      routing.handle(new RoutingCommand.LogIn(kim, Set.of(), null));
      HttpClient http = HttpClient.newHttpClient();
      HttpResponse<String> posted = http.send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/contacts"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"channel\":\"VOICE\",\"phone\":\"010-5555-0101\",\"language\":\"ko\",\"topic\":\"hand-off\"}"))
          .build(), HttpResponse.BodyHandlers.ofString());
      java.util.regex.Matcher id = java.util.regex.Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(posted.body());
      assertTrue(posted.statusCode() == 201 && id.find(), posted.body());
      ContactId contact = new ContactId(id.group(1));
      await("offered to op-001 by city's engine").atMost(Duration.ofSeconds(10)).until(() -> routing.contact(contact)
          .filter(c -> c.state() == ContactState.OFFERED && kim.id().equals(c.agent())).isPresent());
      routing.handle(new RoutingCommand.Accept(kim.id(), contact));
      Instant queuedAt = routing.contact(contact).orElseThrow().firstAt(ContactState.QUEUED).orElseThrow();
      Thread.sleep(2000); // a wait long enough to tell a kept one from a new one

      NotFoundException unknown = assertThrows(NotFoundException.class, () -> routing.handle(
          new RoutingCommand.Transfer(contact, new QueueId("no-such-queue"), null, null, true)));
      assertTrue(unknown.getMessage().contains("no-such-queue"), unknown.getMessage()); // not a hand-over into nowhere
      routing.handle(new RoutingCommand.Transfer(contact, new QueueId("english"), null, null, true));
      await("routing's engine picks the contact up from the journal").atMost(Duration.ofSeconds(10))
          .pollInterval(Duration.ofMillis(100)).until(() -> routing.contact(contact)
              .filter(c -> c.state() == ContactState.QUEUED && new QueueId("english").equals(c.queue())).isPresent());
      long oldest = routing.read(EngineRead.QUEUE_STATUS, "english").map(QueueStatus::oldestWait).orElseThrow().toSeconds();
      assertTrue(oldest >= Duration.between(queuedAt, Instant.now()).toSeconds() - 1, "the wait was kept: " + oldest + " s");
      try (Connection c = DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD)) {
        assertEquals(0, DoubleAssignments.count(c), "no contact held by two operators (journal)");
        try (PreparedStatement row = c.prepareStatement("select queue_id, state, queued_at from contact where id = ?")) {
          row.setString(1, contact.value());
          try (ResultSet r = row.executeQuery()) {
            assertTrue(r.next());
            assertEquals("english", r.getString(1));
            assertEquals("QUEUED", r.getString(2));
            assertTrue(Duration.between(queuedAt, r.getTimestamp(3).toInstant()).abs().toMillis() < 1, "queued_at kept");
          }
        }
      }
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
