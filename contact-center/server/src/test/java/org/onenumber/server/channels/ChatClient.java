package org.onenumber.server.channels;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.onenumber.server.JsonFrames;

/** A scripted chat browser: speaks the /ws/chat protocol and records every frame it receives. */
final class ChatClient {

  private final JsonFrames socket;

  ChatClient(JsonMapper json) {
    this.socket = new JsonFrames(json);
  }

  ChatClient connect(URI server) {
    socket.open(HttpClient.newHttpClient(),
        URI.create(server.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/chat"));
    return this;
  }

  void send(Map<String, Object> frame) {
    socket.send(frame);
  }

  /** Drops the connection without a close handshake, as a lost network does. */
  void kill() {
    socket.kill();
  }

  List<Map<String, Object>> frames() {
    return socket.frames();
  }

  List<Map<String, Object>> frames(String type) {
    return frames().stream().filter(f -> type.equals(f.get("type"))).toList();
  }

  Map<String, Object> await(String type, Predicate<Map<String, Object>> match) {
    return socket.await(f -> type.equals(f.get("type")) && match.test(f));
  }
}
