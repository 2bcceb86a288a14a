package org.onenumber.server;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.awaitility.Awaitility;

/** A test WebSocket peer speaking JSON text frames: sends maps, records every frame received. */
public final class JsonFrames implements WebSocket.Listener {

  private final JsonMapper json;
  private final List<Map<String, Object>> received = new CopyOnWriteArrayList<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;
  private volatile Integer closedWith;

  public JsonFrames(JsonMapper json) {
    this.json = json;
  }

  public JsonFrames open(HttpClient http, URI uri) {
    socket = http.newWebSocketBuilder().buildAsync(uri, this).join();
    return this;
  }

  public void send(Map<String, Object> frame) {
    try {
      socket.sendText(json.writeValueAsString(frame), true).join();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Sends {@code text} as it is, JSON or not (a garbled frame). */
  public void sendRaw(String text) {
    socket.sendText(text, true).join();
  }

  public List<Map<String, Object>> frames() {
    return List.copyOf(received);
  }

  /** Waits up to 10 s for a frame matching {@code match} and returns the first one. */
  public Map<String, Object> await(Predicate<Map<String, Object>> match) {
    Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(1))
        .until(() -> received.stream().anyMatch(match));
    return received.stream().filter(match).findFirst().orElseThrow();
  }

  /** The close code the server sent, or null while the socket is open. */
  public Integer closedWith() {
    return closedWith;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closedWith = statusCode;
    return null;
  }

  /** A connection that broke without a close frame counts as closed with 1006 (abnormal closure). */
  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closedWith = 1006;
  }

  /** Drops the connection without a close handshake, as a lost network does. */
  public void kill() {
    socket.abort();
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      try {
        received.add(json.readValue(partial.toString(), Argument.mapOf(String.class, Object.class)));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }
}
