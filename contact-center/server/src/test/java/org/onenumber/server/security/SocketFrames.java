package org.onenumber.server.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One test WebSocket that keeps what the server sent: its text frames in order, and the close code
 * (with the time it came) once the server closes it. Waits with deadlines, never by sleeping blind.
 */
final class SocketFrames implements WebSocket.Listener {

  final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  volatile long closedAtNanos;
  private final StringBuilder partial = new StringBuilder();
  WebSocket socket;

  static SocketFrames open(HttpClient http, URI uri) throws Exception {
    SocketFrames frames = new SocketFrames();
    frames.socket = http.newWebSocketBuilder().buildAsync(uri, frames).get(15, TimeUnit.SECONDS);
    return frames;
  }

  /** The next frame whose text contains {@code part}, or fails after {@code seconds}. */
  String next(String part, long seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (System.nanoTime() < until) {
      String frame = frames.poll(until - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (frame != null && frame.contains(part)) {
        return frame;
      }
    }
    throw new AssertionError("no frame with " + part + " within " + seconds + " s; closed: " + closed.getNow(null));
  }

  /** Sends a ping frame and says whether the pong came back within 2 s (the socket is open and served). */
  boolean answersPing() throws InterruptedException {
    if (closed.isDone()) {
      return false;
    }
    socket.sendText("{\"type\":\"ping\"}", true);
    try {
      next("pong", 2);
      return true;
    } catch (AssertionError e) {
      return false;
    }
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      frames.add(partial.toString());
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    closedAtNanos = System.nanoTime();
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    closedAtNanos = System.nanoTime();
    closed.complete(-1);
  }
}
