package org.onenumber.server.sockets;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import io.micronaut.websocket.WebSocketSession;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps idle WebSockets open: every {@code onenumber.sockets.ping-interval} (default {@code 30s},
 * well under the server's {@code micronaut.server.idle-timeout} of 5 minutes) each watched socket
 * gets a protocol-level ping, which browsers answer with a pong by themselves. The ping and the
 * pong both count as traffic for the idle timeout and for proxies, so a citizen waiting quietly
 * or a console left open is never closed for being idle. Thread-safe; the pings are sent from a
 * Vert.x timer and never block (a failed ping is ignored: the socket's own close handling runs).
 */
@Context
public final class SocketKeepAlive {

  private static final Logger LOG = LoggerFactory.getLogger(SocketKeepAlive.class);
  private static final byte[] PING = "onenumber".getBytes(StandardCharsets.US_ASCII);

  private final Set<WebSocketSession> sockets = ConcurrentHashMap.newKeySet();
  private final Vertx vertx;
  private final long timer;

  SocketKeepAlive(Vertx vertx, @Value("${onenumber.sockets.ping-interval:30s}") Duration interval) {
    this.vertx = vertx;
    this.timer = vertx.setPeriodic(Math.max(100, interval.toMillis()), id -> pingAll());
  }

  /** Pings {@code socket} from now on, until it closes or is {@link #forget forgotten}. */
  public void watch(WebSocketSession socket) {
    sockets.add(socket);
  }

  public void forget(WebSocketSession socket) {
    sockets.remove(socket);
  }

  private void pingAll() {
    for (WebSocketSession socket : sockets) {
      if (!socket.isOpen()) {
        sockets.remove(socket);
        continue;
      }
      try {
        socket.sendPingAsync(PING);
      } catch (RuntimeException e) {
        LOG.debug("ping failed: {}", e.toString());
      }
    }
  }

  @PreDestroy
  void stop() {
    vertx.cancelTimer(timer);
  }
}
