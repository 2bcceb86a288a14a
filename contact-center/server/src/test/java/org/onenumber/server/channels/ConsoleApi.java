package org.onenumber.server.channels;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server's own view, for browser tests that check every screen against the API: agents'
 * state, held contacts with their deadlines, contact states; and what citizens and admins do
 * (open a contact, text in, change a queue's wrap-up time).
 */
final class ConsoleApi {

  private final ServerHarness server;
  private final Map<String, String> tokens = new HashMap<>();

  ConsoleApi(ServerHarness server) {
    this.server = server;
  }

  private String token(String user) {
    return tokens.computeIfAbsent(user, server::login);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> get(String path, String user) {
    return server.client().toBlocking().retrieve(HttpRequest.GET(path).bearerAuth(token(user)), Map.class);
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> post(String path, Object body, String user) {
    return server.client().toBlocking().retrieve(HttpRequest.POST(path, body).bearerAuth(token(user)), Map.class);
  }

  /** The HTTP status of a POST (for refusals). */
  int status(String path, Object body, String user) {
    return status(HttpRequest.POST(path, body).bearerAuth(token(user)));
  }

  /** The HTTP status of a GET (for refusals). */
  int getStatus(String path, String user) {
    return status(HttpRequest.GET(path).bearerAuth(token(user)));
  }

  /** The HTTP status of a PUT (for refusals). */
  int statusOfPut(String path, Object body, String user) {
    return status(HttpRequest.PUT(path, body).bearerAuth(token(user)));
  }

  private int status(HttpRequest<?> request) {
    try {
      return server.client().toBlocking().exchange(request, String.class).getStatus().getCode();
    } catch (HttpClientResponseException e) {
      return e.getStatus().getCode();
    }
  }

  /** GET /api/v1/agents/{id}: the agent as routing sees them. */
  Map<String, Object> agent(String agent) {
    return get("/api/v1/agents/" + agent, agent);
  }

  String availability(String agent) {
    return (String) agent(agent).get("availability");
  }

  @SuppressWarnings("unchecked")
  List<Map<String, Object>> held(String agent) {
    return (List<Map<String, Object>>) get("/api/v1/agents/" + agent + "/work", agent).get("contacts");
  }

  /** Seconds left in a held contact's wrap-up by the server's own clock, or -1 when not in wrap-up. */
  @SuppressWarnings("unchecked")
  double wrapUpSecondsLeft(String agent, String contactId) {
    Map<String, Object> work = get("/api/v1/agents/" + agent + "/work", agent);
    Instant now = Instant.parse((String) work.get("serverTime"));
    return ((List<Map<String, Object>>) work.get("contacts")).stream()
        .filter(c -> contactId.equals(c.get("contactId")) && c.get("wrapUpEndsAt") != null)
        .mapToDouble(c -> Duration.between(now, Instant.parse((String) c.get("wrapUpEndsAt"))).toMillis() / 1000.0)
        .findFirst().orElse(-1);
  }

  String contactState(String contactId) {
    return (String) get("/api/v1/contacts/" + contactId, "admin").get("state");
  }

  /**
   * A contact opened through the intake; returns its id. A body naming a queue, priority or skills
   * comes from an integration (here the administrator), as anonymous callers may not set them.
   */
  @SuppressWarnings("unchecked")
  String open(Map<String, Object> body) {
    var request = HttpRequest.POST("/api/v1/contacts", body);
    if (body.containsKey("queue") || body.containsKey("priority") || body.containsKey("skills")) {
      request = request.bearerAuth(token("admin"));
    }
    return (String) server.client().toBlocking().retrieve(request, Map.class).get("id");
  }

  /** A citizen texts the city from {@code phone} (a signed Twilio webhook). */
  void sms(String phone, String sid, String body) {
    Map<String, String> form = Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT,
        "From", phone, "To", "+8215880120", "Body", body, "NumMedia", "0");
    server.webhook("/webhooks/twilio/sms", form, server.sign("/webhooks/twilio/sms", form));
  }

  /** Sets a queue's wrap-up time (admin API), keeping the rest of its configuration. */
  void wrapUpSeconds(String queue, long seconds) {
    configure(queue, "wrapUpSeconds", seconds);
  }

  /** Sets how long a queue's offer rings before it counts as missed (admin API). */
  void offerTimeoutSeconds(String queue, long seconds) {
    configure(queue, "offerTimeoutSeconds", seconds);
  }

  private void configure(String queue, String field, Object value) {
    Map<String, Object> config = new HashMap<>(get("/api/v1/admin/queues/" + queue, "admin"));
    config.put(field, value);
    server.client().toBlocking().retrieve(HttpRequest.PUT("/api/v1/admin/queues/" + queue, config)
        .bearerAuth(token("admin")), Map.class);
  }
}
