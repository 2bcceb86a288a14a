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
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.onenumber.server.chat.JdbcChatSessions.ChatSession;
import org.onenumber.server.config.ServerTime;
import org.onenumber.server.persistence.CoalescedWrites;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Abandons a waiting chat whose citizen's socket went away without {@code leave} and did not come
 * back: chats reconnect, so the contact is only abandoned after {@code onenumber.chat.abandon-after}
 * (default 2 minutes) without a resume. The cases:
 *
 * <ol>
 *   <li>A socket with a session closes: a timer starts for that session (restarting any earlier one)
 *       and its deadline is kept in {@code chat_session.grace_deadline}.
 *   <li>The session is started or resumed on a socket: its timer is cancelled, its deadline cleared.
 *   <li>The timer fires: on the blocking executor, if the citizen is not connected again under the
 *       contact (a late close of an old socket) and the contact is still waiting for an operator,
 *       {@link LeaveChat#abandonIfWaiting} abandons it; otherwise nothing happens.
 *   <li>Server start: every session not left whose contact is still waiting gets its timer back
 *       for what remains of its kept deadline (one already past fires at once); a session without a
 *       kept deadline (its socket was open when the server stopped) gets a fresh grace period, as
 *       no socket is connected after a restart.
 * </ol>
 *
 * The grace period is server time ({@link ServerTime}: trace time under a simulated clock).
 * Timers are Vert.x timers (the event loop only hands over); deadlines are written coalesced
 * ({@link CoalescedWrites}: the latest deadline per session, one writer sending them as one JDBC
 * batch per round on one connection), so a burst of closes and resumes neither queues threads on a
 * lock nor takes a pooled connection per event (session 11: 1,874 threads queued on the lock that
 * guarded one write per event starved intake of connections), and the last state kept is the
 * latest. Thread-safe. The abandon holds no thread until it is journaled: routing tries it again
 * until it is ({@link LeaveChat#abandonIfWaiting}), and the session is marked ended only then.
 * Failures: a refusal is logged and the chat stays as it was (it is abandoned again only after the
 * next close of a socket of that session, or a restart).
 */
@Singleton
final class ChatAbandonTimer {

  private static final Logger LOG = LoggerFactory.getLogger(ChatAbandonTimer.class);

  private final Map<String, Long> timers = new ConcurrentHashMap<>();
  private final Map<String, Instant> deadlines = new ConcurrentHashMap<>();
  /** Each timed session as it was when its socket closed (no socket is left to read it from). */
  private final Map<String, ChatSession> left = new ConcurrentHashMap<>();
  private final CoalescedWrites<String, Optional<Instant>> writes;
  private final Vertx vertx;
  private final ExecutorService executor;
  private final JdbcChatSessions sessions;
  private final LeaveChat leave;
  private final ChatHub hub;
  private final Duration grace;
  private final ServerTime time;
  private final InstantSource clock;
  private final LiveChatSessions live;
  private final ChatConnections connections;

  ChatAbandonTimer(Vertx vertx, @Named(TaskExecutors.BLOCKING) ExecutorService executor, JdbcChatSessions sessions,
      LeaveChat leave, ChatHub hub, @Value("${onenumber.chat.abandon-after:2m}") Duration grace, ServerTime time,
      LiveChatSessions live, ChatConnections connections) {
    this.live = live;
    this.connections = connections;
    this.vertx = vertx;
    this.executor = executor;
    this.sessions = sessions;
    this.leave = leave;
    this.hub = hub;
    this.grace = grace;
    this.time = time;
    this.clock = time.clock();
    this.writes = new CoalescedWrites<>(executor, round -> connections.execute(() -> sessions.graceDeadlines(round)),
        "chat grace deadlines");
  }

  /** Case 1: the session's socket closed ({@code session}: as it was then). */
  void disconnected(ChatSession session) {
    String token = session.token();
    left.put(token, session);
    Instant deadline = clock.instant().plus(grace);
    deadlines.put(token, deadline);
    schedule(token, deadline);
    keep(token);
  }

  /** Case 2: the session is on a socket again. */
  void connected(String token) {
    Long id = timers.remove(token);
    if (id != null) {
      vertx.cancelTimer(id);
    }
    left.remove(token);
    if (deadlines.remove(token) != null) {
      keep(token);
    }
  }

  private void schedule(String token, Instant deadline) {
    long delay = time.wallMillis(Duration.between(clock.instant(), deadline));
    long id = vertx.setTimer(delay, t -> executor.execute(() -> fire(token, t)));
    Long previous = timers.put(token, id);
    if (previous != null) {
      vertx.cancelTimer(previous);
    }
  }

  /** Writes the session's current deadline (or none) soon; see the class comment for the ordering. */
  private void keep(String token) {
    writes.put(token, Optional.ofNullable(deadlines.get(token)));
  }

  /** Case 3. */
  private void fire(String token, long id) {
    if (!timers.remove(token, id)) {
      return;
    }
    deadlines.remove(token);
    keep(token);
    ChatSession session = left.remove(token);
    try {
      // the session as this node knows it (a socket of it here still), else as it was when it closed
      live.find(token).or(() -> java.util.Optional.ofNullable(session)).filter(s -> s.contact() == null || !hub.connected(s.contact()))
          .ifPresent(s -> leave.abandonIfWaiting(s, executor));
    } catch (RuntimeException e) {
      LOG.warn("could not abandon a chat left without a socket: {}", e.toString());
    }
  }

  /** Case 4. */
  @EventListener
  void onStartup(StartupEvent event) {
    connections.run(sessions::waitingDeadlines).forEach((session, kept) -> {
      if (kept == null) {
        disconnected(session);
      } else {
        left.put(session.token(), session);
        deadlines.put(session.token(), kept);
        schedule(session.token(), kept);
      }
    });
  }

  @PreDestroy
  void close() {
    timers.values().forEach(vertx::cancelTimer);
    timers.clear();
    int unwritten = writes.close(Duration.ofSeconds(5));
    if (unwritten > 0) {
      LOG.warn("{} chat grace deadlines were not written before the stop", unwritten);
    }
  }
}
