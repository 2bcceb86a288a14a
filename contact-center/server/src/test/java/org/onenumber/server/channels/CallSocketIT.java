package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.onenumber.server.JsonFrames;

/**
 * The call socket {@code /ws/call} against the real server, frame by frame: the refusals the issue
 * lists (a frame for another citizen's call, a second call from the same browser, malformed or
 * oversized frames, a citizen trying to join, an operator joining a call not routed to them) are
 * answered with {@code error} frames, nothing reaches the other citizen, and every connection
 * stays usable ({@code ping} still gets {@code pong}). The AsyncAPI document is served.
 */
class CallSocketIT {

  private static final String SDP = "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\nt=0 0\r\n";

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("spec.name", "CallSocketIT"));

  private JsonFrames socket(String token) {
    String ws = server.uri().toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/call"
        + (token == null ? "" : "?token=" + token);
    return new JsonFrames(server.bean(JsonMapper.class)).open(java.net.http.HttpClient.newHttpClient(), URI.create(ws));
  }

  private static Map<String, Object> start(JsonFrames citizen, String caller) {
    citizen.send(Map.of("type", "start", "mode", "sign", "language", "en", "caller", caller));
    return citizen.await(f -> "session".equals(f.get("type")) || "error".equals(f.get("type")));
  }

  /** Sends {@code frame} and returns the code of the error it is answered with. */
  private static String error(JsonFrames socket, Map<String, Object> frame) {
    int before = socket.frames().size();
    socket.send(frame);
    // Pushed frames (queue positions) may come in between: the answer is the first error after the send.
    socket.await(f -> firstAfter(socket, before, "error") != null);
    return (String) firstAfter(socket, before, "error").get("error");
  }

  private static Map<String, Object> firstAfter(JsonFrames socket, int index, String type) {
    java.util.List<Map<String, Object>> frames = socket.frames();
    return frames.subList(Math.min(index, frames.size()), frames.size()).stream()
        .filter(f -> type.equals(f.get("type"))).findFirst().orElse(null);
  }

  private static void stillOpen(JsonFrames socket) {
    int before = socket.frames().size();
    socket.send(Map.of("type", "ping"));
    socket.await(f -> firstAfter(socket, before, "pong") != null);
  }

  @Test
  void refusalsAreErrorFramesAndEveryConnectionStaysOpen() {
    JsonFrames alice = socket(null);
    String aliceCall = (String) start(alice, "browser-alice-01").get("contactId");
    alice.await(f -> "waiting".equals(f.get("type")));
    JsonFrames bob = socket(null);
    start(bob, "browser-bob-0001");

    assertEquals("forbidden", error(bob, Map.of("type", "offer", "contactId", aliceCall, "sdp", SDP)),
        "a frame for another citizen's call");
    assertEquals("forbidden", error(bob, Map.of("type", "join", "contactId", aliceCall)), "a citizen cannot join");
    assertEquals("invalid_input", error(bob, Map.of("type", "answer", "contactId", "x", "sdp", "v=0" + "a".repeat(30_000))),
        "an oversized SDP");
    assertEquals("forbidden", error(bob, Map.of("type", "text", "contactId", aliceCall, "body", "<b>hi</b>")));
    stillOpen(bob);
    assertFalse(alice.frames().stream().anyMatch(f -> "offer".equals(f.get("type")) || "text".equals(f.get("type"))),
        "nothing reached alice: " + alice.frames());

    JsonFrames aliceAgain = socket(null);
    assertEquals("call_in_progress", start(aliceAgain, "browser-alice-01").get("error"), "one call per browser");
    stillOpen(aliceAgain);

    JsonFrames garbage = socket(null);
    assertEquals("invalid_input", error(garbage, Map.of("type", "dance")));
    stillOpen(garbage);

    JsonFrames operator = socket(server.login("op-034"));
    assertEquals("forbidden", error(operator, Map.of("type", "join", "contactId", aliceCall)),
        "routing has not connected this call to op-034");
    stillOpen(operator);
    stillOpen(alice);
  }

  @Test
  void servesTheAsyncApiDocumentOfTheCallSocket() {
    String doc = server.client().toBlocking().retrieve("/asyncapi/call.yml");
    assertTrue(doc.contains("address: /ws/call"), doc);
  }
}
