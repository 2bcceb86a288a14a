package org.onenumber.server.routing;

import io.micronaut.json.JsonMapper;
import java.time.InstantSource;
import java.util.Map;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.websocket.CloseReason;
import io.micronaut.websocket.WebSocketSession;
import io.micronaut.websocket.annotation.OnClose;
import io.micronaut.websocket.annotation.OnMessage;
import io.micronaut.websocket.annotation.OnOpen;
import io.micronaut.websocket.annotation.ServerWebSocket;
import org.onenumber.server.security.SignedInSockets;
import org.onenumber.server.sockets.ClientFrames;
import org.onenumber.server.sockets.SocketKeepAlive;

/**
 * {@code /ws/agents/{agentId}}: pushes the agent's offers, state and contact changes as JSON
 * frames (docs/api/agent-api.md), starting with a snapshot. Authenticated with the same JWT as the API
 * (header, or {@code ?token=} for browsers, see {@link QueryTokenReader}); an operator may only
 * open their own. Commands go over HTTP: a frame other than {@code ping} and {@code auth} (or not a
 * JSON object) is answered {@code {"type":"error","error":"invalid_input",...}} and the socket stays open. Runs on Netty's event loop
 * and never blocks it: the snapshot is built on the routing context. In the cluster the socket may be
 * on any node: a standby asks the owner for the snapshot and receives the agent's frames over the
 * bus ({@link AgentSockets}, {@link CommandRelay}); a new owner sends every logged-in agent a fresh
 * snapshot after its takeover.
 *
 * <p>Frames, each {@code {"type": ..., "at": ..., ...}}: {@code snapshot}, {@code offer},
 * {@code offer.withdrawn}, {@code contact.state}, {@code agent.state} ({@link AgentSockets}); and,
 * for contacts the agent holds (connected, held or in wrap-up; {@link ConversationPush}):
 * <pre>
 * {"type": "message", "at": "...", "contactId": "...", "messageId": "...", "direction": "IN" | "OUT"}
 * {"type": "message.status", "at": "...", "contactId": "...", "messageId": "...", "status": "DELIVERED" | ...}
 * {"type": "typing", "at": "...", "contactId": "..."}   // a chat citizen is typing (lasts about 4 s)
 * </pre>
 * Message frames carry no text: the console fetches {@code GET /api/v1/contacts/{id}/messages}.
 *
 * <p>Keepalive: the server pings the socket every {@code onenumber.sockets.ping-interval} (30 s;
 * browsers answer by themselves, {@link SocketKeepAlive}), so an idle console is never closed.
 * A client may send {@code {"type":"ping"}} to check the line; it is answered {@code {"type":"pong"}}.
 *
 * <p>Checked after connect ({@link SignedInSockets}): closed with 4401 when the token is revoked or
 * expires, 4403 when the account is disabled; the console renews it in-band with
 * {@code {"type":"auth","token":...}} after each session renewal.
 */
@ServerWebSocket("/ws/agents/{agentId}")
@Secured(SecurityRule.IS_AUTHENTICATED)
final class AgentSocket {

  private static final String COMMANDS_OVER_HTTP = "this socket takes only ping and auth frames; commands go over HTTP";
  private static final java.util.regex.Pattern PING = java.util.regex.Pattern.compile("\"type\"\\s*:\\s*\"ping\"");

  private final AgentSockets sockets;
  private final RoutingHost routing;
  private final InstantSource clock;
  private final SocketKeepAlive keepAlive;
  private final SignedInSockets signedIn;
  private final JsonMapper json;

  AgentSocket(AgentSockets sockets, RoutingHost routing, InstantSource clock, SocketKeepAlive keepAlive,
      SignedInSockets signedIn, JsonMapper json) {
    this.signedIn = signedIn;
    this.json = json;
    this.clock = clock;
    this.sockets = sockets;
    this.routing = routing;
    this.keepAlive = keepAlive;
  }

  @OnOpen
  void open(String agentId, WebSocketSession session, HttpRequest<?> request) {
    Authentication who = request.getUserPrincipal(Authentication.class).orElse(null);
    if (who == null || !AgentAccess.mayActFor(who, agentId)) {
      session.close(CloseReason.POLICY_VIOLATION);
      return;
    }
    keepAlive.watch(session);
    signedIn.watch(session, who, request);
    // on a cluster standby too: the owner's frames for this agent come over the bus (AgentSockets),
    // the snapshot once this node hears them
    sockets.open(agentId, session).onComplete(registered -> routing.snapshot(agentId));
  }

  @OnMessage
  void message(String agentId, String text, WebSocketSession session) {
    // Commands go over HTTP (docs/api/agent-api.md); the console only listens here, but may check the
    // line and renew its token in-band.
    if (PING.matcher(text).find()) {
      session.sendAsync("{\"type\":\"pong\"}");
      return;
    }
    String at = clock.instant().toString();
    Map<String, Object> frame = ClientFrames.read(json, text).orElse(null);
    if (frame == null) { // the JSON literal null once failed here with a NullPointerException
      session.sendAsync(AgentSockets.frame("error", at, "error", "invalid_input", "message", "frames are JSON objects"));
      return;
    }
    if (!"auth".equals(frame.get("type"))) {
      session.sendAsync(AgentSockets.frame("error", at, "error", "invalid_input", "message", COMMANDS_OVER_HTTP));
      return;
    }
    signedIn.renew(session, frame.get("token")).thenAccept(expiry -> session.sendAsync(expiry.isPresent()
        ? AgentSockets.frame("auth.ok", at, "expiresAt", expiry.get().toString())
        : AgentSockets.frame("error", at, "error", "invalid_token", "message", SignedInSockets.REFUSED)));
  }

  @OnClose
  void close(String agentId, WebSocketSession session) {
    keepAlive.forget(session);
    signedIn.forget(session);
    sockets.close(agentId, session);
  }
}
