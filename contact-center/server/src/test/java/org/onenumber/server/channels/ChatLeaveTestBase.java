package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;

/**
 * A citizen who leaves the web chat is reported to routing: with the {@code leave} frame at once,
 * with a dropped socket after the grace period ({@code onenumber.chat.abandon-after}, 2 s here)
 * unless the chat is resumed in time. Read back through the contact API, as an operator. Run on
 * H2 ({@link ChatLeaveIT}) and PostgreSQL ({@link ChatLeavePostgresIT}).
 */
abstract class ChatLeaveTestBase {

  private static final Duration GRACE = Duration.ofSeconds(2);

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(properties());

  /** The server's extra properties: the grace period ({@value #GRACE_PROPERTY}) and the database. */
  abstract Map<String, Object> properties();

  static final String GRACE_PROPERTY = "onenumber.chat.abandon-after";

  private ChatClient client() {
    return new ChatClient(server.bean(JsonMapper.class)).connect(server.uri());
  }

  /** Starts a chat, says hello, and returns {resume token, contact id} once routing has the contact queued. */
  private String[] hello(ChatClient chat, String language) {
    chat.send(Map.of("type", "start", "language", language));
    String resume = (String) chat.await("session", f -> true).get("token");
    chat.send(Map.of("type", "message", "clientId", "c1", "body", "Is the office open?"));
    String contactId = (String) chat.await("ack", f -> "c1".equals(f.get("clientId"))).get("contactId");
    String token = server.login("op-001");
    await().atMost(Duration.ofSeconds(10)).until(() -> server.client().toBlocking().exchange(
        HttpRequest.GET("/api/v1/contacts/" + contactId + "/position").bearerAuth(token)).code() == 200);
    return new String[] {resume, contactId};
  }

  /** The contact as a supervisor sees it (the test watches; an operator sees only what they hold). */
  private Map<?, ?> contact(String contactId) {
    return server.client().toBlocking().retrieve(HttpRequest.GET("/api/v1/contacts/" + contactId)
        .bearerAuth(server.login("sv-01")), Map.class);
  }

  private String state(String contactId) {
    return (String) contact(contactId).get("state");
  }

  private String lastReason(String contactId) {
    List<?> steps = (List<?>) contact(contactId).get("steps");
    return (String) ((Map<?, ?>) steps.get(steps.size() - 1)).get("reason");
  }

  @Test
  void leavingWhileQueuedAbandonsTheContactAndAnswersEnded() {
    List<ContactStateChanged> published = new CopyOnWriteArrayList<>();
    server.bean(VertxEventPublisher.class).subscribe(e -> {
      if (e instanceof ContactStateChanged c) {
        published.add(c);
      }
    });
    ChatClient chat = client();
    String[] session = hello(chat, "en");
    assertEquals("QUEUED", state(session[1]));

    chat.send(Map.of("type", "leave"));
    chat.await("ended", f -> true);

    assertEquals("ABANDONED", state(session[1]));
    assertEquals("citizen-left", lastReason(session[1]));
    await().atMost(Duration.ofSeconds(5)).until(() -> published.stream().anyMatch(c ->
        c.contact().value().equals(session[1]) && c.to() == ContactState.ABANDONED));
    assertEquals(List.of(), chat.frames("error"));
  }

  @Test
  void aSecondLeaveIsHarmlessAndALeftSessionStaysEnded() {
    ChatClient chat = client();
    String[] session = hello(chat, "en");
    chat.send(Map.of("type", "leave"));
    chat.await("ended", f -> true);
    chat.send(Map.of("type", "leave"));
    chat.send(Map.of("type", "survey", "satisfaction", 4, "resolved", false));
    chat.await("survey-saved", f -> true);
    assertEquals(List.of(), chat.frames("error"));
    List<Object> types = chat.frames().stream().map(f -> f.get("type")).toList();
    assertEquals("ended", types.get(types.lastIndexOf("survey-saved") - 1), types.toString());
    assertEquals("ABANDONED", state(session[1]));

    ChatClient again = client();
    again.send(Map.of("type", "resume", "token", session[0]));
    again.await("ended", f -> true);
    again.send(Map.of("type", "message", "clientId", "c2", "body", "Hello again"));
    assertEquals("illegal_transition", again.await("error", f -> true).get("error"));
    assertEquals(List.of(), again.frames("ack"));
  }

  @Test
  void leavingBeforeWritingAnythingEndsTheSessionForALaterResume() {
    ChatClient chat = client();
    chat.send(Map.of("type", "start", "language", "en"));
    String resume = (String) chat.await("session", f -> true).get("token");
    chat.send(Map.of("type", "leave"));
    chat.await("ended", f -> true);

    ChatClient again = client();
    again.send(Map.of("type", "resume", "token", resume));
    again.await("ended", f -> true);
  }

  @Test
  void aDroppedSocketNotResumedWithinTheGracePeriodAbandonsTheWaitingContact() {
    ChatClient chat = client();
    String[] session = hello(chat, "en");
    chat.kill();

    await().atMost(GRACE.plusSeconds(10)).until(() -> "ABANDONED".equals(state(session[1])));
    assertEquals("citizen-left", lastReason(session[1]));
    ChatClient again = client();
    again.send(Map.of("type", "resume", "token", session[0]));
    again.await("ended", f -> true);
  }

  @Test
  void aDroppedSocketResumedWithinTheGracePeriodStaysQueued() {
    ChatClient chat = client();
    String[] session = hello(chat, "en");
    chat.kill();
    ChatClient again = client();
    again.send(Map.of("type", "resume", "token", session[0]));
    again.await("session", f -> session[1].equals(f.get("contactId")));

    await().pollDelay(GRACE.plusSeconds(2)).atMost(GRACE.plusSeconds(10)).until(() -> "QUEUED".equals(state(session[1])));
    assertEquals(List.of(), again.frames("ended"));
  }

  @Test
  void aWaitingChatWithoutASocketAfterARestartGetsAFreshGracePeriod() {
    ChatClient chat = client();
    String[] session = hello(chat, "en");
    chat.kill();
    server.stop();
    server.start();

    await().atMost(GRACE.plusSeconds(10)).until(() -> "ABANDONED".equals(state(session[1])));
  }

  @Test
  void theGraceDeadlineIsKeptAcrossARestartRatherThanStartedAfresh() {
    server.override(GRACE_PROPERTY, "1h");
    server.stop();
    server.start();
    ChatClient chat = client();
    String[] session = hello(chat, "en");
    Instant killed = Instant.now();
    chat.kill();
    Jdbc jdbc = server.bean(Jdbc.class);
    String kept = "select grace_deadline from chat_session where token = ?";
    await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.query(kept, r -> Jdbc.instant(r, "grace_deadline"),
        session[0]).get(0) != null);
    Instant deadline = jdbc.query(kept, r -> Jdbc.instant(r, "grace_deadline"), session[0]).get(0);
    assertTrue(!deadline.isBefore(killed.plus(Duration.ofMinutes(59))), "about an hour after the drop: " + deadline);
    // Most of the hour passes while the server is down: the restarted server keeps the deadline.
    jdbc.update("update chat_session set grace_deadline = ? where token = ?", Instant.now().plusSeconds(25), session[0]);
    server.stop();
    server.start();

    String supervisor = server.login("sv-01");
    HttpRequest<?> watch = HttpRequest.GET("/api/v1/contacts/" + session[1]).bearerAuth(supervisor);
    assertEquals("QUEUED", server.client().toBlocking().retrieve(watch, Map.class).get("state"), "not before its deadline");
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
        .until(() -> "ABANDONED".equals(server.client().toBlocking().retrieve(watch, Map.class).get("state")));
    assertEquals("citizen-left", lastReason(session[1]));
  }

  @Test
  void leavingAConnectedChatClosesItAsAHangUpForTheOperator() {
    ChatClient chat = client();
    String[] session = hello(chat, "ko");
    String token = server.login("op-001");
    String queue = (String) contact(session[1]).get("queue");
    server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/agents/op-001/login",
        Map.of("queues", List.of(queue))).bearerAuth(token));
    await().atMost(Duration.ofSeconds(10)).until(() -> "OFFERED".equals(state(session[1])));
    server.client().toBlocking().exchange(HttpRequest.POST("/api/v1/offers/" + session[1] + "/accept", "")
        .bearerAuth(token));
    chat.await("agent", f -> true);

    chat.send(Map.of("type", "leave"));
    chat.await("ended", f -> true);

    assertEquals("CLOSED", state(session[1]));
    assertEquals("citizen-left", lastReason(session[1]));
    assertTrue(chat.frames("error").isEmpty(), chat.frames("error").toString());
  }
}
