package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.server.events.VertxEventPublisher;

/**
 * A chat needs no connection of the shared pool once it is started (issue 17, session 17): with
 * every shared connection held (at New York's peak, 50-140 requests waited for them), a second
 * message is acknowledged, {@code leave} is answered {@code ended} after the contact is abandoned,
 * and a dropped socket's abandon timer still abandons its waiting chat. Fails on the old code: the
 * session was read from the shared pool on every frame and by the timer, so after the pool's timeout
 * (1 s here) the message and the leave were answered {@code error} and the timer gave up.
 */
class ChatOwnConnectionsIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.rate-limits.chat-per-minute", 1_000_000,
      "datasources.default.connection-timeout", 1000, "onenumber.chat.abandon-after", "300ms"));

  @Test
  void aStartedChatIsAnsweredAndAbandonedWhileEveryConnectionOfTheSharedPoolIsHeld() throws Exception {
    List<ContactStateChanged> published = new CopyOnWriteArrayList<>();
    server.bean(VertxEventPublisher.class).subscribe(e -> {
      if (e instanceof ContactStateChanged c) {
        published.add(c);
      }
    });
    ChatClient leaving = client();
    String left = hello(leaving);
    ChatClient dropped = client();
    String abandoned = hello(dropped);

    List<Connection> held = holdEverySharedConnection();
    try {
      leaving.send(Map.of("type", "message", "clientId", "c2", "body", "Are you there?"));
      leaving.await("ack", f -> "c2".equals(f.get("clientId")));
      leaving.send(Map.of("type", "typing"));
      leaving.send(Map.of("type", "leave"));
      leaving.await("ended", f -> true);
      assertEquals(List.of(), leaving.frames("error"));
      await().atMost(Duration.ofSeconds(5)).until(() -> abandonedIn(published, left));

      dropped.kill();
      await().atMost(Duration.ofSeconds(10)).until(() -> abandonedIn(published, abandoned));
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  private ChatClient client() {
    return new ChatClient(server.bean(JsonMapper.class)).connect(server.uri());
  }

  /** Starts a chat and says hello; returns the contact once routing has it queued. */
  private String hello(ChatClient chat) {
    chat.send(Map.of("type", "start", "language", "en"));
    chat.await("session", f -> true);
    chat.send(Map.of("type", "message", "clientId", "c1", "body", "Is the office open?"));
    String contact = (String) chat.await("ack", f -> "c1".equals(f.get("clientId"))).get("contactId");
    String token = server.login("op-001");
    await().atMost(Duration.ofSeconds(10)).until(() -> server.client().toBlocking().exchange(
        HttpRequest.GET("/api/v1/contacts/" + contact + "/position").bearerAuth(token)).code() == 200);
    return contact;
  }

  private List<Connection> holdEverySharedConnection() throws Exception {
    DataSource shared = server.bean(DataSource.class);
    List<Connection> held = new ArrayList<>();
    for (int i = 0; i < shared.unwrap(HikariDataSource.class).getMaximumPoolSize(); i++) {
      held.add(shared.getConnection());
    }
    return held;
  }

  private static boolean abandonedIn(List<ContactStateChanged> published, String contact) {
    return published.stream().anyMatch(c -> c.contact().value().equals(contact) && c.to() == ContactState.ABANDONED);
  }
}
