package org.onenumber.server.call;

import io.micronaut.http.HttpRequest;
import io.micronaut.json.JsonMapper;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import org.onenumber.channels.call.CallSignalling;
import org.onenumber.core.agent.AgentId;
import org.onenumber.server.security.Role;
import org.onenumber.server.security.SignedInSockets;
import org.onenumber.server.sockets.ClientFrames;
import org.onenumber.server.sockets.SocketKeepAlive;

/**
 * The call signalling WebSocket at {@code /ws/call} (protocol in {@code org.onenumber.channels.call}).
 * Open to citizens without a login; an operator's console opens it with its JWT ({@code ?token=}),
 * and only then may it {@code join} a call; a department staff member's JWT (from the department
 * portal) only joins a call their department was invited to. Frames of one connection are handled
 * in arrival order on the blocking executor; the event loop only parses and hands over. A refusal is answered with an
 * {@code error} frame and the connection stays open. {@code ping} is answered {@code pong} at once.
 * A socket opened with a JWT is checked after connect ({@link SignedInSockets}): closed with 4401
 * when that token is revoked or expires, 4403 when the account is disabled; the page renews it
 * in-band with {@code {"type":"auth","token":...}}.
 */
@ServerWebSocket("/ws/call")
@Secured(SecurityRule.IS_ANONYMOUS)
final class CallEndpoint {

  private static final String CHAIN = "onenumber.chain";
  private static final String OPERATOR = "onenumber.operator";
  private static final String PEER = "onenumber.peer";
  private static final String STAFF_OF = "onenumber.staff-of";

  private final CallSignalling signalling;
  private final JsonMapper json;
  private final ExecutorService executor;
  private final SocketKeepAlive keepAlive;
  private final SignedInSockets signedIn;

  CallEndpoint(CallSignalling signalling, JsonMapper json, @Named(TaskExecutors.BLOCKING) ExecutorService executor,
      SocketKeepAlive keepAlive, SignedInSockets signedIn) {
    this.signedIn = signedIn;
    this.signalling = signalling;
    this.json = json;
    this.executor = executor;
    this.keepAlive = keepAlive;
  }

  @OnOpen
  void open(WebSocketSession socket, HttpRequest<?> request) {
    socket.put(CHAIN, CompletableFuture.completedFuture(null));
    socket.put(PEER, new SocketPeer(socket, json));
    request.getUserPrincipal(Authentication.class).ifPresent(who -> {
      socket.put(OPERATOR, who.getName());
      Object department = who.getAttributes().get("department");
      if (who.getRoles().contains(Role.DEPARTMENT_STAFF.name()) && department != null) {
        socket.put(STAFF_OF, department.toString());
      }
      signedIn.watch(socket, who, request);
    });
    keepAlive.watch(socket);
  }

  @OnMessage(maxPayloadLength = 65536)
  void frame(String text, WebSocketSession socket) {
    SocketPeer peer = peer(socket);
    Map<String, Object> frame = ClientFrames.read(json, text).orElse(null);
    if (frame == null) { // not a JSON object: the JSON literal null once failed here with a NullPointerException
      peer.send(ClientFrames.INVALID);
      return;
    }
    if ("ping".equals(frame.get("type"))) {
      peer.send(Map.of("type", "pong"));
      return;
    }
    if ("auth".equals(frame.get("type"))) {
      signedIn.renew(socket, frame.get("token")).thenAccept(at -> peer.send(at.isPresent()
          ? Map.of("type", "auth.ok", "expiresAt", at.get().toString())
          : Map.of("type", "error", "error", "invalid_token", "message", SignedInSockets.REFUSED)));
      return;
    }
    Optional<AgentId> operator = socket.get(OPERATOR, String.class).map(AgentId::new);
    Optional<String> staffOf = socket.get(STAFF_OF, String.class);
    synchronized (socket) {
      CompletableFuture<?> chain = socket.get(CHAIN, CompletableFuture.class).orElse(CompletableFuture.completedFuture(null));
      socket.put(CHAIN, chain.thenRunAsync(() -> handle(frame, peer, operator, staffOf), executor));
    }
  }

  private void handle(Map<String, Object> frame, SocketPeer peer, Optional<AgentId> operator, Optional<String> staffOf) {
    CallFrameErrors.answering(peer, () -> signalling.handle(frame, peer, operator, staffOf));
  }

  @OnClose
  void close(WebSocketSession socket) {
    keepAlive.forget(socket);
    signedIn.forget(socket);
    SocketPeer peer = peer(socket);
    synchronized (socket) {
      CompletableFuture<?> chain = socket.get(CHAIN, CompletableFuture.class).orElse(CompletableFuture.completedFuture(null));
      socket.put(CHAIN, chain.thenRunAsync(() -> signalling.disconnected(peer), executor));
    }
  }

  private SocketPeer peer(WebSocketSession socket) {
    return socket.get(PEER, SocketPeer.class).orElseGet(() -> new SocketPeer(socket, json));
  }
}
