package org.onenumber.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Tries one WebSocket as one caller and says what the server did: {@code yes} when the socket
 * opened and answered an application {@code {"type":"ping"}} (or sent any frame first), {@code —}
 * when the upgrade was refused (401/403) or the server closed the socket instead of answering.
 * Waits on the answer with a deadline, never by sleeping.
 */
final class SocketAccessProbe implements WebSocket.Listener {

  private static final long DEADLINE_SECONDS = 15;
  private final CompletableFuture<String> answer = new CompletableFuture<>();

  /** {@code yes}, {@code —}, or {@code no answer} when neither came before the deadline. */
  static String attempt(HttpClient http, URI uri) throws InterruptedException {
    SocketAccessProbe probe = new SocketAccessProbe();
    WebSocket socket;
    try {
      socket = http.newWebSocketBuilder().buildAsync(uri, probe).get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return "—";
    }
    socket.sendText("{\"type\":\"ping\"}", true);
    try {
      return probe.answer.get(DEADLINE_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      return "no answer";
    } finally {
      socket.abort();
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    answer.complete("yes");
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    answer.complete("—");
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    answer.complete("—");
  }
}
