package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Web chat across a dropped connection and across a server restart: every message in either
 * direction arrives exactly once, and no acknowledged message is lost.
 */
class ChatReconnectIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  private ChatClient client() {
    return new ChatClient(server.bean(JsonMapper.class)).connect(server.uri());
  }

  private void reply(String contactId, String token, String body) {
    server.client().toBlocking().retrieve(HttpRequest.POST("/api/v1/contacts/" + contactId + "/messages",
        Map.of("body", body)).bearerAuth(token), Map.class);
  }

  @SuppressWarnings("unchecked")
  private List<Map<String, Object>> messages(String contactId, String token) {
    Map<String, Object> body = server.client().toBlocking().retrieve(
        HttpRequest.GET("/api/v1/contacts/" + contactId + "/messages").bearerAuth(token), Map.class);
    return (List<Map<String, Object>>) body.get("items");
  }

  /** Starts a chat, says hello, and returns {resume token, contact id}. */
  private String[] hello(ChatClient chat) {
    chat.send(Map.of("type", "start", "language", "en"));
    String resume = (String) chat.await("session", f -> true).get("token");
    chat.send(Map.of("type", "message", "clientId", "c1", "body", "Hello, <b>is</b> the office open?"));
    String contactId = (String) chat.await("ack", f -> "c1".equals(f.get("clientId"))).get("contactId");
    return new String[] {resume, contactId};
  }

  private static void ackAll(ChatClient chat) {
    chat.frames("message").forEach(m -> chat.send(Map.of("type", "ack", "id", m.get("id"))));
  }

  @Test
  void messagesSentWhileTheSocketIsDownArriveExactlyOnceAfterResume() {
    ChatClient chat = client();
    String[] session = hello(chat);
    String token = server.login("sv-01");
    reply(session[1], token, "Yes, until 18:00.");
    chat.await("message", m -> "Yes, until 18:00.".equals(m.get("body")));
    ackAll(chat);
    await().atMost(Duration.ofSeconds(5)).until(() -> "DELIVERED".equals(messages(session[1], token).get(1).get("status")));

    chat.kill();
    reply(session[1], token, "Anything else?");
    ChatClient again = client();
    again.send(Map.of("type", "resume", "token", session[0]));
    again.await("session", f -> session[1].equals(f.get("contactId")));
    again.send(Map.of("type", "message", "clientId", "c1", "body", "Hello, <b>is</b> the office open?"));
    again.send(Map.of("type", "message", "clientId", "c2", "body", "Where is it?"));
    again.await("ack", f -> "c2".equals(f.get("clientId")));
    again.await("message", m -> "Anything else?".equals(m.get("body")));

    assertEquals(List.of("Anything else?"), again.frames("message").stream().map(m -> m.get("body")).toList());
    List<Map<String, Object>> stored = messages(session[1], token);
    assertEquals(List.of("Hello, <b>is</b> the office open?", "Yes, until 18:00.", "Anything else?", "Where is it?"),
        stored.stream().map(m -> m.get("body")).toList());
    assertEquals(2, again.frames("ack").size());
    assertEquals(again.frames("ack").get(0).get("id"), stored.get(0).get("id"));
  }

  /** Also: a message sent again under its {@code clientId} after the restart is acknowledged again, stored once. */
  @Test
  void aServerRestartDuringAChatLosesNoAcknowledgedMessage() {
    ChatClient chat = client();
    String[] session = hello(chat);
    String token = server.login("sv-01");
    reply(session[1], token, "Let me check.");
    chat.await("message", m -> "Let me check.".equals(m.get("body")));

    server.stop();
    server.start();
    String token2 = server.login("sv-01");
    ChatClient again = client();
    again.send(Map.of("type", "resume", "token", session[0]));
    again.await("session", f -> session[1].equals(f.get("contactId")));
    again.await("message", m -> "Let me check.".equals(m.get("body")));
    // session 21: the first message sent again under its clientId (its ack lost with the old server)
    again.send(Map.of("type", "message", "clientId", "c1", "body", "Hello, <b>is</b> the office open?"));
    Object firstAgain = again.await("ack", f -> "c1".equals(f.get("clientId"))).get("id");
    again.send(Map.of("type", "message", "clientId", "c2", "body", "Thanks"));
    again.await("ack", f -> "c2".equals(f.get("clientId")));

    List<Map<String, Object>> stored = messages(session[1], token2);
    assertEquals(List.of("Hello, <b>is</b> the office open?", "Let me check.", "Thanks"),
        stored.stream().map(m -> m.get("body")).toList(), "the repeat after the restart stored once");
    assertEquals(stored.get(0).get("id"), firstAgain, "acknowledged again with the first message's id");
  }
}
