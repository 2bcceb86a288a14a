package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * The console push over real sockets: a citizen chats on {@code /ws/chat}, op-001 holds the
 * contact, and op-001's agent socket gets {@code message}, {@code typing} and
 * {@code message.status} frames for it while op-002's socket, open at the same time, gets none.
 * Prints the time from the citizen's send to op-001's frame (a figure, not an assertion).
 *
 * <p>Per-class instance: Micronaut applies {@link TestPropertyProvider} (the fresh H2 database)
 * only then; otherwise the test would run against the file database under {@code ./data}.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsolePushIT implements TestPropertyProvider {

  private static final int LATENCY_SAMPLES = 20;

  @Inject
  EmbeddedServer server;

  @Inject
  JsonMapper json;

  private final TestHttp http = new TestHttp();

  @Override
  public Map<String, String> getProperties() {
    return Map.of("datasources.default.url", TestDatabases.h2Url());
  }

  private Map<String, Object> post(String path, String body, String token) throws Exception {
    HttpResponse<String> response = http.send(server, "POST", path, body, token);
    assertTrue(response.statusCode() < 300, path + " -> " + response.statusCode() + " " + response.body());
    return response.body().startsWith("{") ? http.map(server, response) : Map.of();
  }

  private String logIn(String agent, String body) throws Exception {
    String token = http.login(server, agent);
    post("/api/v1/agents/" + agent + "/login", body, token);
    return token;
  }

  private JsonFrames socket(String path) {
    URI uri = URI.create(server.getURL().toString().replaceFirst("^http", "ws") + path);
    return new JsonFrames(json).open(HttpClient.newHttpClient(), uri);
  }

  private JsonFrames console(String agent, String token) {
    JsonFrames frames = socket("/ws/agents/" + agent + "?token=" + token);
    frames.await(f -> "snapshot".equals(f.get("type")));
    return frames;
  }

  private static long inbound(JsonFrames frames, String contact) {
    return frames.frames().stream().filter(f -> "message".equals(f.get("type")) && contact.equals(f.get("contactId"))
        && "IN".equals(f.get("direction"))).count();
  }

  private static boolean isMessage(Map<String, Object> frame, String contact, String direction, Object messageId) {
    return "message".equals(frame.get("type")) && contact.equals(frame.get("contactId"))
        && direction.equals(frame.get("direction")) && messageId.equals(frame.get("messageId"));
  }

  @Test
  void pushesTheHeldChatsMessagesTypingAndDeliveryToItsOperatorOnly() throws Exception {
    String op1 = logIn("op-001", "{}");
    logIn("op-002", "{\"queues\":[\"tax-ko\"]}");
    JsonFrames first = console("op-001", op1);
    JsonFrames second = console("op-002", http.login(server, "op-002"));

    JsonFrames chat = socket("/ws/chat");
    chat.send(Map.of("type", "start", "language", "ko"));
    chat.await(f -> "session".equals(f.get("type")));
    chat.send(Map.of("type", "message", "clientId", "c0", "body", "버스 노선이 궁금합니다"));
    String contact = (String) chat.await(f -> "ack".equals(f.get("type")) && "c0".equals(f.get("clientId"))).get("contactId");
    @SuppressWarnings("unchecked")
    Map<String, Object> offer = (Map<String, Object>) first.await(f -> "offer".equals(f.get("type"))).get("offer");
    assertEquals(contact, offer.get("contactId"));
    post("/api/v1/offers/" + offer.get("offerId") + "/accept", "{}", op1);

    List<Long> micros = new ArrayList<>();
    for (int i = 1; i <= LATENCY_SAMPLES; i++) {
      String clientId = "c" + i;
      long sent = System.nanoTime();
      chat.send(Map.of("type", "message", "clientId", clientId, "body", "질문 " + i));
      int seen = i;
      first.await(f -> inbound(first, contact) >= seen);
      micros.add((System.nanoTime() - sent) / 1000);
      Object id = chat.await(f -> "ack".equals(f.get("type")) && clientId.equals(f.get("clientId"))).get("id");
      first.await(f -> isMessage(f, contact, "IN", id));
    }
    printLatency(micros);

    chat.send(Map.of("type", "typing"));
    first.await(f -> "typing".equals(f.get("type")) && contact.equals(f.get("contactId")));

    Object reply = post("/api/v1/contacts/" + contact + "/messages", "{\"body\":\"12번 버스입니다.\"}", op1).get("id");
    first.await(f -> isMessage(f, contact, "OUT", reply));
    chat.await(f -> "message".equals(f.get("type")) && reply.equals(f.get("id")));
    chat.send(Map.of("type", "ack", "id", reply));
    first.await(f -> "message.status".equals(f.get("type")) && reply.equals(f.get("messageId"))
        && "DELIVERED".equals(f.get("status")));

    assertEquals(List.of(), second.frames().stream().filter(f -> contact.equals(f.get("contactId"))).toList(),
        "op-002 does not hold the contact and hears nothing about it");
  }

  private static void printLatency(List<Long> micros) {
    List<Long> sorted = micros.stream().sorted().toList();
    System.out.printf("console push, citizen send -> agent frame, %d chat messages:%n"
        + "  min %.1f ms  median %.1f ms  p90 %.1f ms  max %.1f ms%n", sorted.size(), sorted.get(0) / 1000.0,
        sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() * 9 / 10) / 1000.0,
        sorted.get(sorted.size() - 1) / 1000.0);
    System.out.printf("RESULT console-push samples=%d medianMs=%.1f maxMs=%.1f%n", sorted.size(),
        sorted.get(sorted.size() / 2) / 1000.0, sorted.get(sorted.size() - 1) / 1000.0);
  }
}
