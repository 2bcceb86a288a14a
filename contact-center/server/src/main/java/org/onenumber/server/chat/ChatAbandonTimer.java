package org.onenumber.server.chat;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.scheduling.TaskExecutors;
import io.vertx.core.Vertx;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.onenumber.server.config.ServerTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Abandons a waiting chat whose citizen's socket went away without {@code leave} and did not come
 * back: chats reconnect, so the contact is only abandoned after {@code onenumber.chat.abandon-after}
 * (default 2 minutes) without a resume. The cases:
 *
 * <ol>
 *   <li>A socket with a session closes: a timer starts for that session (restarting any earlier one).
 *   <li>The session is started or resumed on a socket: its timer is cancelled.
 *   <li>The timer fires: on the blocking executor, if the citizen is not connected again under the
 *       contact (a late close of an old socket) and the contact is still waiting for an operator,
 *       {@link LeaveChat#abandonIfWaiting} abandons it; otherwise nothing happens.
 *   <li>Server start: every session not left whose contact is still waiting gets a fresh grace
 *       period (after a restart no socket is connected yet).
 * </ol>
 *
 * The grace period is server time ({@link ServerTime}: trace time under a simulated clock).
 * Timers are Vert.x timers (the event loop only hands over) and live in memory only, hence case 4.
 * Thread-safe. Failures: a failed abandon is logged and the chat stays as it was (it is retried
 * only after the next close of a socket of that session, or a restart).
 */
@Singleton
final class ChatAbandonTimer {

  private static final Logger LOG = LoggerFactory.getLogger(ChatAbandonTimer.class);

  private final Map<String, Long> timers = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final ExecutorService executor;
  private final JdbcChatSessions sessions;
  private final LeaveChat leave;
  private final ChatHub hub;
  private final Duration grace;
  private final ServerTime time;

  ChatAbandonTimer(Vertx vertx, @Named(TaskExecutors.BLOCKING) ExecutorService executor, JdbcChatSessions sessions,
      LeaveChat leave, ChatHub hub, @Value("${onenumber.chat.abandon-after:2m}") Duration grace, ServerTime time) {
    this.vertx = vertx;
    this.time = time;
    this.executor = executor;
    this.sessions = sessions;
    this.leave = leave;
    this.hub = hub;
    this.grace = grace;
  }

  /** Case 1: the session's socket closed. */
  void disconnected(String token) {
    long id = vertx.setTimer(time.wallMillis(grace), t -> executor.execute(() -> fire(token, t)));
    Long previous = timers.put(token, id);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
  }

  /** Case 2: the session is on a socket again. */
  void connected(String token) {
    Long id = timers.remove(token);
    if (id != null) {
      vertx.cancelTimer(id);
    }
  }

  /** Case 3. */
  private void fire(String token, long id) {
    if (!timers.remove(token, id)) {
      return;
    }
    try {
      sessions.find(token).filter(s -> s.contact() == null || !hub.connected(s.contact()))
          .ifPresent(leave::abandonIfWaiting);
    } catch (RuntimeException e) {
      LOG.warn("could not abandon a chat left without a socket: {}", e.toString());
    }
  }

  /** Case 4. */
  @EventListener
  void onStartup(StartupEvent event) {
    sessions.waitingTokens().forEach(this::disconnected);
  }

  @PreDestroy
  void close() {
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
  }
}
