package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * Restart: a server stops with contacts waiting; the next server on the same database rebuilds the
 * line from the journal in the original order, and an operator who logs in is offered the oldest.
 */
class RoutingRestartH2IT {

  private final TestHttp http = new TestHttp();

  private String token(EmbeddedServer server) throws Exception {
    return http.login(server, "op-001");
  }

  private String open(EmbeddedServer server, String phone) throws Exception {
    HttpResponse<String> created = http.send(server, "POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"" + phone + "\",\"language\":\"ko\",\"queue\":\"general-ko\"}",
        http.login(server, "sv-01"));
    assertEquals(201, created.statusCode(), created.body());
    return (String) http.map(server, created).get("id");
  }

  @Test
  @SuppressWarnings("unchecked")
  void rebuildsTheLineFromTheJournalAndOffersTheOldestFirst() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(), "micronaut.server.port", -1);
    String older;
    String newer;
    try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String token = token(first);
      older = open(first, "010-5555-0201");
      newer = open(first, "010-5555-0202");
      await().atMost(Duration.ofSeconds(10)).until(() ->
          http.send(first, "GET", "/api/v1/contacts/" + newer + "/position", null, token).statusCode() == 200);
    }
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String token = token(second);
      Map<String, Object> position = http.map(second, http.send(second, "GET", "/api/v1/contacts/" + older + "/position", null, token));
      assertEquals(1, ((Number) position.get("position")).intValue(), position.toString());
      assertEquals(2, ((Number) http.map(second, http.send(second, "GET", "/api/v1/contacts/" + newer + "/position", null, token))
          .get("position")).intValue());
      assertEquals(200, http.send(second, "POST", "/api/v1/agents/op-001/login", "{\"queues\":[\"general-ko\"]}", token)
          .statusCode());
      Map<String, Object> work = http.map(second, http.send(second, "GET", "/api/v1/agents/op-001/work", null, token));
      List<Map<String, Object>> offers = (List<Map<String, Object>>) work.get("offers");
      assertEquals(older, offers.get(0).get("contactId"));
    }
  }

  /**
   * CI's failure of session 16's last run: the restarted server's first rebuild (an offer in flight
   * goes back to the line: the contact's row is updated) met a row lock held past H2's lock timeout
   * on a loaded machine, and the server did not start. Now its start tries the rebuild again.
   */
  @Test
  @SuppressWarnings("unchecked")
  void startsWhenTheJournalsRowIsLockedLongerThanTheLockTimeout() throws Exception {
    String url = TestDatabases.h2Url();
    Map<String, Object> properties = Map.of("datasources.default.url", url, "micronaut.server.port", -1);
    String offered;
    try (EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      String token = token(first);
      offered = open(first, "010-5555-0203");
      assertEquals(200, http.send(first, "POST", "/api/v1/agents/op-001/login", "{\"queues\":[\"general-ko\"]}", token)
          .statusCode());
      await().atMost(Duration.ofSeconds(10)).until(() -> ((List<Map<String, Object>>) http.map(first,
          http.send(first, "GET", "/api/v1/agents/op-001/work", null, token)).get("offers")).size() == 1);
    }
    Connection holder = DriverManager.getConnection(url, "sa", "");
    holder.setAutoCommit(false);
    try (PreparedStatement lock = holder.prepareStatement("select id from contact where id = ? for update")) {
      lock.setString(1, offered);
      lock.executeQuery().close();
    }
    CompletableFuture<Void> released = CompletableFuture.runAsync(() -> {
      try (holder) {
        Thread.sleep(6_000); // H2's lock timeout is 2 s
        holder.rollback();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });
    try (EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      released.join();
      String token = token(second);
      await().atMost(Duration.ofSeconds(10)).until(() -> ((List<Map<String, Object>>) http.map(second,
          http.send(second, "GET", "/api/v1/agents/op-001/work", null, token)).get("offers")).stream()
          .anyMatch(offer -> offered.equals(offer.get("contactId"))));
    }
  }
}
