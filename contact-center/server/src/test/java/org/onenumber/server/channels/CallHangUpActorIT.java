package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.JsonFrames;
import org.onenumber.server.persistence.Jdbc;

/**
 * Who ended a browser call, in the journal (issue 11, session 22): op-034 hangs up on the call socket and the
 * contact's CLOSED step names op-034, as the REST hang-up's does (the queue is set without wrap-up time; with it
 * the same command's WRAP_UP step would); a citizen who hangs up a connected call still leaves {@code channel} on
 * its CLOSED step. Until session 22 the socket's hang-up journaled {@code channel} for the operator too.
 */
class CallHangUpActorIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest();

  private static final String QUEUE_CONFIG = "/api/v1/admin/queues/sign-language-video";

  private final HttpClient http = HttpClient.newHttpClient();

  @Test
  void theOperatorsHangUpOnTheCallSocketNamesTheOperatorAndTheCitizensNamesTheChannel() {
    ConsoleApi api = new ConsoleApi(server);
    JsonFrames console = socket("/ws/agents/op-034?token=" + server.login("op-034"));
    console.await(f -> "snapshot".equals(f.get("type")));
    api.post("/api/v1/agents/op-034/login", Map.of("queues", List.of("sign-language-video")), "op-034");
    Map<String, Object> queue = new HashMap<>(api.get(QUEUE_CONFIG, "admin"));
    queue.put("wrapUpSeconds", 0); // the operator is free at once for the second call
    assertEquals(200, api.statusOfPut(QUEUE_CONFIG, queue, "admin"));

    JsonFrames citizen = socket("/ws/call");
    String first = connected(api, console, citizen, "browser-actor-01");
    JsonFrames operator = socket("/ws/call?token=" + server.login("op-034"));
    operator.send(Map.of("type", "join", "contactId", first));
    operator.await(f -> "ready".equals(f.get("type")));
    operator.send(Map.of("type", "hangup", "contactId", first));
    citizen.await(f -> "ended".equals(f.get("type")));
    assertEquals(List.of("CLOSED by op-034"), endedBy(first), "the operator hung up");

    JsonFrames second = socket("/ws/call");
    String other = connected(api, console, second, "browser-actor-02");
    second.send(Map.of("type", "hangup", "contactId", other));
    second.await(f -> "ended".equals(f.get("type")));
    assertEquals(List.of("CLOSED by channel"), endedBy(other), "the citizen hung up");
  }

  /** The citizen starts a sign-language call as {@code caller}; op-034, its only operator, accepts it. */
  private String connected(ConsoleApi api, JsonFrames console, JsonFrames citizen, String caller) {
    citizen.send(Map.of("type", "start", "mode", "sign", "language", "en", "caller", caller));
    String contact = (String) citizen.await(f -> "session".equals(f.get("type"))).get("contactId");
    console.await(f -> "offer".equals(f.get("type")) && f.get("offer") instanceof Map<?, ?> offer
        && contact.equals(offer.get("contactId")));
    api.post("/api/v1/offers/" + contact + "/accept", Map.of(), "op-034");
    citizen.await(f -> "agent".equals(f.get("type")));
    return contact;
  }

  /** The contact's steps that say who made them happen, as "STATE by actor". */
  private List<String> endedBy(String contact) {
    return server.bean(Jdbc.class).query("select state, actor from contact_step where contact_id = ?"
        + " and actor is not null order by at", row -> row.getString(1).toUpperCase(java.util.Locale.ROOT) + " by "
        + row.getString(2), contact);
  }

  private JsonFrames socket(String path) {
    return new JsonFrames(server.bean(JsonMapper.class)).open(http,
        URI.create(server.uri().toString().replaceFirst("^http", "ws").replaceAll("/$", "") + path));
  }
}
