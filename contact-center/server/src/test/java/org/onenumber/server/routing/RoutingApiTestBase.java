package org.onenumber.server.routing;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The routing API over a real socket and a real WebSocket, against whichever database the
 * subclass configures: an operator logs in, becomes available, a citizen's call arrives through
 * intake, the offer is pushed to the console, the operator accepts and wraps up, and the journal
 * has every step.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RoutingApiTestBase {

  @Inject
  EmbeddedServer server;

  @Inject
  JsonMapper json;

  @Inject
  org.onenumber.server.persistence.Jdbc jdbc;

  final HttpClient http = HttpClient.newHttpClient();

  record Reply(int status, Map<String, Object> body, String text) {}

  Reply send(String method, String path, String body, String token) throws IOException, InterruptedException {
    return reply(http.send(request(method, path, body, token), HttpResponse.BodyHandlers.ofString()));
  }

  HttpRequest request(String method, String path, String body, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.getURL() + path))
        .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
        .header("Content-Type", "application/json");
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return request.build();
  }

  @SuppressWarnings("unchecked")
  Reply reply(HttpResponse<String> response) throws IOException {
    Map<String, Object> map = response.body().startsWith("{") ? json.readValue(response.body(), Map.class) : Map.of();
    return new Reply(response.statusCode(), map, response.body());
  }

  String token(String login) throws Exception {
    Reply reply = send("POST", "/login", "{\"username\":\"" + login + "\",\"password\":\"demo1234\"}", null);
    assertEquals(200, reply.status(), reply.text());
    return (String) reply.body().get("access_token");
  }

  /** Collects text frames as JSON maps. */
  final class Frames implements WebSocket.Listener {
    final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    @SuppressWarnings("unchecked")
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        try {
          received.add(json.readValue(partial.toString(), Map.class));
        } catch (IOException e) {
          throw new IllegalStateException(e);
        }
        partial.setLength(0);
      }
      socket.request(1);
      return null;
    }

    Map<String, Object> first(String type) {
      return received.stream().filter(f -> type.equals(f.get("type"))).findFirst().orElse(null);
    }
  }

  /** Opens the agent's console WebSocket (token in the query, as a browser does) and waits for the snapshot. */
  WebSocket console(String agent, String token, Frames frames) throws Exception {
    URI ws = URI.create(server.getURL().toString().replace("http", "ws") + "/ws/agents/" + agent + "?token=" + token);
    WebSocket socket = http.newWebSocketBuilder().buildAsync(ws, frames).get();
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.first("snapshot") != null);
    return socket;
  }

  /** The steps end CREATED … CONNECTED, WRAP_UP once: the accept sent again (session 21) stores nothing. */
  @Test
  @SuppressWarnings("unchecked")
  void pushesAnOfferOverTheWebSocketAndTakesItThroughAcceptAndWrapUp() throws Exception {
    String operator = token("op-001");
    Reply login = send("POST", "/api/v1/agents/op-001/login", "{\"queues\":[\"general-ko\"]}", operator);
    assertEquals(200, login.status(), login.text());
    assertEquals("AVAILABLE", login.body().get("state"));

    Frames frames = new Frames();
    WebSocket socket = console("op-001", operator, frames);

    Reply created = send("POST", "/api/v1/contacts",
        "{\"channel\":\"VOICE\",\"phone\":\"010-5555-0101\",\"language\":\"ko\",\"queue\":\"general-ko\"}",
        token("sv-01"));
    assertEquals(201, created.status(), created.text());
    String contact = (String) created.body().get("id");

    await().atMost(Duration.ofSeconds(10)).until(() -> frames.first("offer") != null);
    Map<String, Object> offer = (Map<String, Object>) frames.first("offer").get("offer");
    assertEquals(contact, offer.get("contactId"));
    assertEquals("op-001", offer.get("agentId"));

    Reply accepted = send("POST", "/api/v1/offers/" + offer.get("offerId") + "/accept", "{}", operator);
    assertEquals(200, accepted.status(), accepted.text());
    assertEquals("CONNECTED", accepted.body().get("state"));
    Reply acceptedAgain = send("POST", "/api/v1/offers/" + offer.get("offerId") + "/accept", "{}", operator);
    assertEquals(200, acceptedAgain.status(), "its answer was lost, the click again (session 21): " + acceptedAgain.text());
    assertEquals("CONNECTED", acceptedAgain.body().get("state"));
    Reply byAnother = send("POST", "/api/v1/offers/" + offer.get("offerId") + "/accept", "{}", token("op-002"));
    assertEquals(409, byAnother.status(), byAnother.text());
    assertEquals("offer_gone", byAnother.body().get("error"), byAnother.text());

    Reply wrapped = send("POST", "/api/v1/contacts/" + contact + "/wrap-up", "{\"outcome\":\"RESOLVED\"}", operator);
    assertEquals(200, wrapped.status(), wrapped.text());
    assertEquals("WRAP_UP", wrapped.body().get("state"));
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.received.stream()
        .anyMatch(f -> "contact.state".equals(f.get("type")) && "WRAP_UP".equals(f.get("to"))));

    Reply work = send("GET", "/api/v1/agents/op-001/work", null, operator);
    assertEquals("WRAP_UP", ((List<Map<String, Object>>) work.body().get("contacts")).get(0).get("state"));
    Reply journaled = send("GET", "/api/v1/contacts/" + contact, null, operator);
    List<Object> states = ((List<Map<String, Object>>) journaled.body().get("steps")).stream()
        .map(s -> s.get("state")).map(Object.class::cast).toList();
    assertEquals(List.of("CREATED", "QUEUED", "OFFERED", "CONNECTED", "WRAP_UP"), states);
    int agentEvents = jdbc.queryOne("select count(*) from domain_event where type = 'agent.state-changed'",
        row -> row.getInt(1)).orElseThrow();
    assertTrue(agentEvents >= 3, "agent state changes are journaled too: " + agentEvents);
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
  }

  /**
   * Issue 17: an accept that comes after the citizen left is 409 {@code offer_gone} (it was 404 or
   * 403 "may not act for agent null"), and the operator's wrap-up of a call the channel already
   * closed (the caller hung up) is 409 {@code already_closed} (it was 404 "does not exist").
   */
  @Test
  @SuppressWarnings("unchecked")
  void aLateAcceptAndAWrapUpAfterTheChannelClosedAreConflictsNotErrors() throws Exception {
    String operator = token("op-002");
    String supervisor = token("sv-01");
    assertEquals(200, send("POST", "/api/v1/agents/op-002/login", "{\"queues\":[\"tax-ko\"]}", operator).status());
    Frames frames = new Frames();
    WebSocket socket = console("op-002", operator, frames);

    String left = offered(frames, supervisor, "010-5555-0171");
    assertEquals(200, send("POST", "/api/v1/contacts/" + left + "/abandon", null, supervisor).status());
    Reply late = send("POST", "/api/v1/offers/" + left + "/accept", "{}", operator);
    assertEquals(409, late.status(), late.text());
    assertEquals("offer_gone", late.body().get("error"), late.text());

    String hungUp = offered(frames, supervisor, "010-5555-0172");
    assertEquals(200, send("POST", "/api/v1/offers/" + hungUp + "/accept", "{}", operator).status());
    Reply closed = send("POST", "/api/v1/contacts/" + hungUp + "/close", "{\"outcome\":\"RESOLVED\"}", supervisor);
    assertEquals(200, closed.status(), closed.text());
    Reply wrapUp = send("POST", "/api/v1/contacts/" + hungUp + "/wrap-up", "{\"outcome\":\"RESOLVED\"}", operator);
    assertEquals(409, wrapUp.status(), wrapUp.text());
    assertEquals("already_closed", wrapUp.body().get("error"), wrapUp.text());
    assertFalse(wrapUp.text().contains("010"), "no stored value echoed");

    assertEquals(404, send("POST", "/api/v1/contacts/no-such-contact/wrap-up", "{\"outcome\":\"RESOLVED\"}",
        operator).status(), "a contact that never existed stays 404");
    socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get();
  }

  /** Opens a call for tax-ko and returns its id once op-002's console was offered it. */
  String offered(Frames frames, String supervisor, String phone) throws Exception {
    return offered(frames, supervisor, phone, "tax-ko", "ko");
  }

  /** Opens a call for {@code queue} in {@code language} and returns its id once the console was offered it. */
  @SuppressWarnings("unchecked")
  String offered(Frames frames, String supervisor, String phone, String queue, String language)
      throws Exception {
    Reply created = send("POST", "/api/v1/contacts", "{\"channel\":\"VOICE\",\"phone\":\"" + phone
        + "\",\"language\":\"" + language + "\",\"queue\":\"" + queue + "\"}", supervisor);
    assertEquals(201, created.status(), created.text());
    String contact = (String) created.body().get("id");
    await().atMost(Duration.ofSeconds(10)).until(() -> frames.received.stream()
        .filter(f -> "offer".equals(f.get("type")))
        .anyMatch(f -> contact.equals(((Map<String, Object>) f.get("offer")).get("contactId"))));
    return contact;
  }

  @Test
  void refusesAnOperatorActingForAnotherAgent() throws Exception {
    assertEquals(403, send("POST", "/api/v1/agents/op-003/login", "{}", token("op-002")).status());
    assertEquals(401, send("POST", "/api/v1/agents/op-003/login", "{}", null).status());
  }

  @Test
  void letsAnAdminReconfigureAQueueLive() throws Exception {
    String admin = token("admin");
    Reply put = send("PUT", "/api/v1/admin/queues/tax-ko", "{\"strategy\":\"ROUND_ROBIN\",\"wrapUpSeconds\":45,"
        + "\"steps\":[{\"afterSeconds\":30,\"action\":\"LOWER_SKILL\",\"skillLevelDelta\":1}]}", admin);
    assertEquals(200, put.status(), put.text());
    Reply read = send("GET", "/api/v1/admin/queues/tax-ko", null, token("sv-01"));
    assertEquals("ROUND_ROBIN", read.body().get("strategy"));
    assertEquals(45, ((Number) read.body().get("wrapUpSeconds")).intValue());
    assertEquals(403, send("PUT", "/api/v1/admin/queues/tax-ko", "{}", token("op-001")).status());
  }

  @Test
  void documentsTheRoutingApiInOpenApi() throws Exception {
    HttpResponse<String> doc = http.send(HttpRequest.newBuilder(URI.create(server.getURL() + "/openapi.yml")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertTrue(doc.body().contains("/api/v1/offers/{offerId}/accept"), "offer endpoints documented");
    assertTrue(doc.body().contains("/api/v1/admin/queues/{queueId}"), "admin endpoints documented");
  }
}
