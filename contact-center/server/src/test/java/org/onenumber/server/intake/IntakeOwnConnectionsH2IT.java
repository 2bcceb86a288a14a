package org.onenumber.server.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;

/**
 * {@code POST /api/v1/contacts} is written by the inbound group commit on its own connections
 * (issue 17, session 16): with every connection of the shared pool held (at New York's peak, by
 * chat sessions' reads and timers), a citizen's contact is still opened, journaled and answered 201.
 * Fails on the old code: the intake's transaction waited for a shared connection and, after the
 * pool's timeout (1 s here), answered 503. The same for a post with an {@code Idempotency-Key} and its
 * replay (session 17: the key was looked up on the shared pool before the lane; fails on that code).
 */
class IntakeOwnConnectionsH2IT {

  @Test
  void aContactIsOpenedWhileEveryConnectionOfTheSharedPoolIsHeld() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "datasources.default.connection-timeout", 1000);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test")) {
      DataSource shared = server.getApplicationContext().getBean(DataSource.class);
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      HttpRequest post = HttpRequest.newBuilder(URI.create(server.getURI() + "/api/v1/contacts"))
          .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(
              "{\"channel\":\"VOICE\",\"phone\":\"010-6123-4500\",\"language\":\"ko\",\"topic\":\"held pool\"}"))
          .build();
      assertEquals(201, http.send(post, HttpResponse.BodyHandlers.ofString()).statusCode(), "warm-up");

      HttpRequest keyed = HttpRequest.newBuilder(post, (name, value) -> true).header("Idempotency-Key", "held-pool-key-0001")
          .build();
      List<Connection> held = new ArrayList<>();
      try {
        for (int i = 0; i < shared.unwrap(HikariDataSource.class).getMaximumPoolSize(); i++) {
          held.add(shared.getConnection());
        }
        HttpResponse<String> answer = http.send(post, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        // the key's look-up is in the lane's transaction too (session 17; before: a shared-pool read first, 503)
        HttpResponse<String> first = http.send(keyed, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, first.statusCode(), first.body());
        HttpResponse<String> again = http.send(keyed, HttpResponse.BodyHandlers.ofString());
        assertEquals(201, again.statusCode(), again.body());
        assertEquals(first.body(), again.body(), "the key's first answer, replayed");
      } finally {
        for (Connection connection : held) {
          connection.close();
        }
      }
    }
  }
}
