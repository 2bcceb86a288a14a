package org.onenumber.server.chat;

import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;
import org.onenumber.server.api.RetryAdvice;
import org.onenumber.server.sockets.ClientFrames;
import org.onenumber.server.sockets.SocketKeepAlive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen web chat WebSocket at {@code /ws/chat} (protocol in the package documentation).
 * Frames of one connection are handled in arrival order, one at a time, on the blocking executor:
 * the event loop only parses and hands over. A failure is answered with an {@code error} frame
 * and the connection stays open; the client's unacknowledged messages are simply re-sent later
 * (after {@code retryAfter} seconds when the error is {@code unavailable}: the database is down, or
 * more {@code start}/{@code message} frames are in flight than {@code onenumber.admission.chat}, in which
 * case the frame was refused at once and nothing of it stored).
 * A connection that closes without {@code leave} starts the session's {@link ChatAbandonTimer} (once the
 * frames it sent before are handled) and lets go of the session kept with it ({@link LiveChatSessions}).
 * Open sockets are pinged by {@link SocketKeepAlive}; an app-level {@code ping} is answered
 * {@code pong} at once, before any frame still being handled.
 */
@ServerWebSocket("/ws/chat")
@Secured(SecurityRule.IS_ANONYMOUS)
final class ChatEndpoint {

  private static final Logger LOG = LoggerFactory.getLogger(ChatEndpoint.class);
  private static final String CHAIN = "onenumber.chain";
  /** Frames that write and so count against {@code onenumber.admission.chat}; the others always pass. */
  private static final java.util.Set<Object> WRITES = java.util.Set.of("start", "message");

  private final ChatConversation conversation;
  private final ChatHub hub;
  private final ChatAbandonTimer abandonTimer;
  private final JsonMapper json;
  private final ExecutorService executor;
  private final SocketKeepAlive keepAlive;
  private final RetryAdvice retry;
  private final IntakeAdmission admission;
  private final LiveChatSessions live;

  ChatEndpoint(ChatConversation conversation, ChatHub hub, ChatAbandonTimer abandonTimer, JsonMapper json,
      @Named(TaskExecutors.BLOCKING) ExecutorService executor, SocketKeepAlive keepAlive, RetryAdvice retry,
      IntakeAdmission admission, LiveChatSessions live) {
    this.live = live;
    this.admission = admission;
    this.keepAlive = keepAlive;
    this.retry = retry;
    this.conversation = conversation;
    this.hub = hub;
    this.abandonTimer = abandonTimer;
    this.json = json;
    this.executor = executor;
  }

  @OnOpen
  void open(WebSocketSession socket) {
    socket.put(CHAIN, CompletableFuture.completedFuture(null));
    keepAlive.watch(socket);
    hub.opened(socket);
  }

  @OnMessage(maxPayloadLength = 65536)
  void frame(String text, WebSocketSession socket) {
    Map<String, Object> frame = ClientFrames.read(json, text).orElse(null);
    if (frame == null) {
      hub.send(socket, ClientFrames.INVALID);
      return;
    }
    if ("ping".equals(frame.get("type"))) {
      hub.send(socket, Map.of("type", "pong"));
      return;
    }
    IntakeAdmission.Permit permit = null;
    if (WRITES.contains(frame.get("type"))) {
      permit = admission.tryEnter(IntakeKind.CHAT);
      if (permit == null) {
        hub.send(socket, Map.of("type", "error", "error", "unavailable", "message",
            "the server is busy; send this frame again after retryAfter seconds", "retryAfter", admission.retryAfterSeconds()));
        return;
      }
    }
    IntakeAdmission.Permit held = permit;
    synchronized (socket) {
      CompletableFuture<?> chain = socket.get(CHAIN, CompletableFuture.class).orElse(CompletableFuture.completedFuture(null));
      socket.put(CHAIN, chain.thenRunAsync(() -> {
        try {
          handle(frame, socket);
        } finally {
          if (held != null) {
            held.close();
          }
        }
      }, executor));
    }
  }

  private void handle(Map<String, Object> frame, WebSocketSession socket) {
    try {
      conversation.handle(frame, socket);
    } catch (OneNumberException e) {
      if (e instanceof RetriableException) {
        LOG.warn("chat frame failed: {}", e.getMessage());
        hub.send(socket, Map.of("type", "error", "error", e.code(), "message", e.getMessage(),
            "retryAfter", retry.seconds()));
        return;
      }
      hub.send(socket, Map.of("type", "error", "error", e.code(), "message", e.getMessage()));
    } catch (RuntimeException e) {
      LOG.error("chat frame failed", e);
      hub.send(socket, Map.of("type", "error", "error", "internal", "message", "the server could not handle this"));
    }
  }

  @OnClose
  void close(WebSocketSession socket) {
    keepAlive.forget(socket);
    hub.disconnect(socket);
    // after the frames still being handled, so a start or resume among them is let go of too
    synchronized (socket) {
      CompletableFuture<?> chain = socket.get(CHAIN, CompletableFuture.class).orElse(CompletableFuture.completedFuture(null));
      chain.thenRunAsync(() -> ChatConversation.token(socket).ifPresent(token -> {
        live.find(token).ifPresent(abandonTimer::disconnected);
        live.detach(token);
      }), executor);
    }
  }
}
