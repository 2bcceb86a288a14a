package org.onenumber.server.channels;


import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;

/** A scripted chat browser: speaks the /ws/chat protocol and records every frame it receives. */
final class ChatClient implements WebSocket.Listener {

  private final JsonMapper json;
  private final List<Map<String, Object>> frames = new ArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  ChatClient(JsonMapper json) {
    this.json = json;
  }

  ChatClient connect(URI server) {
    URI ws = URI.create(server.toString().replaceFirst("^http", "ws").replaceAll("/$", "") + "/ws/chat");
    socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, this).join();
    return this;
  }

  void send(Map<String, Object> frame) {
    try {
      socket.sendText(json.writeValueAsString(frame), true).join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Drops the connection without a close handshake, as a lost network does. */
  void kill() {
    socket.abort();
  }

  synchronized List<Map<String, Object>> frames() {
    return List.copyOf(frames);
  }

  List<Map<String, Object>> frames(String type) {
    return frames().stream().filter(f -> type.equals(f.get("type"))).toList();
  }

  Map<String, Object> await(String type, Predicate<Map<String, Object>> match) {
    org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> frames(type).stream().anyMatch(match));
    return frames(type).stream().filter(match).findFirst().orElseThrow();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        Map<String, Object> frame = json.readValue(partial.toString(), Argument.mapOf(String.class, Object.class));
        synchronized (this) {
          frames.add(frame);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }
}
