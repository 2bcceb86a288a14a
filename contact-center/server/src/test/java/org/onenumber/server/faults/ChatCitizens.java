package org.onenumber.server.faults;

import io.micronaut.json.JsonMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import org.onenumber.server.JsonFrames;

/**
 * Citizens chatting on {@code /ws/chat} the way the protocol asks a client to: each keeps one
 * message until its {@code ack}; an {@code unavailable} error means send it again after {@code
 * retryAfter}; a broken socket means reconnect with {@code resume} and the session token and send
 * the unacknowledged message again under the same {@code clientId}. Every body is unique, so the
 * database can be checked for each acknowledged message exactly once. One thread per citizen;
 * thread-safe to read while running.
 */
final class ChatCitizens {

  /** One acknowledged chat message: the server's message id and the body that was sent. */
  record Acked(String clientId, String messageId, String contactId, String body) {}

  private static final Duration ANSWER_WAIT = Duration.ofSeconds(10);
  /** The pause between a citizen's messages: a fast typist, about ten messages a second per chat. */
  private static final Duration TYPING = Duration.ofMillis(100);

  private final URI ws;
  private final String run;
  private final JsonMapper json = JsonMapper.createDefault();
  private final LoadThreads threads = new LoadThreads();
  private final Set<Acked> acked = ConcurrentHashMap.newKeySet();
  private final Map<String, String> pending = new ConcurrentHashMap<>();
  private final AtomicInteger unavailable = new AtomicInteger();
  private final AtomicInteger resumes = new AtomicInteger();

  ChatCitizens(URI server, String run) {
    this.ws = URI.create(server.toString().replaceFirst("^http", "ws") + "/ws/chat");
    this.run = run;
  }

  ChatCitizens start(int citizens) {
    for (int i = 0; i < citizens; i++) {
      int citizen = i;
      threads.start("chat-citizen-" + i, () -> chat(citizen));
    }
    return this;
  }

  void stop() throws InterruptedException {
    threads.stop();
  }

  Set<Acked> acked() {
    return Set.copyOf(acked);
  }

  /** Bodies sent but not (yet) acknowledged, by client id. */
  Map<String, String> pending() {
    return Map.copyOf(pending);
  }

  /** How many {@code unavailable} answers came (each one re-sent later). */
  int unavailable() {
    return unavailable.get();
  }

  /** How many times a citizen came back with {@code resume} after a broken socket. */
  int resumes() {
    return resumes.get();
  }

  private void chat(int citizen) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String token = null;
    JsonFrames socket = null;
    for (int seq = 0; threads.running(); ) {
      try {
        if (socket == null || socket.closedWith() != null) {
          socket = new JsonFrames(json).open(http, ws);
          socket.send(token == null ? Map.of("type", "start", "language", "ko") : Map.of("type", "resume", "token", token));
          Map<String, Object> session = answer(socket, f -> "session".equals(f.get("type")), 0);
          resumes.addAndGet(token == null ? 0 : 1);
          token = (String) session.get("token");
        }
        String clientId = run + "-c" + citizen + "-" + seq;
        String body = "chat " + run + " " + citizen + "/" + seq;
        pending.put(clientId, body);
        if (send(socket, clientId, body)) {
          pending.remove(clientId);
          seq++;
          LockSupport.parkNanos(TYPING.toNanos());
        }
      } catch (RuntimeException serverGone) {
        socket = null;
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      }
    }
  }

  /** Sends one message and waits for its answer: true on {@code ack}, false to send it again. */
  private boolean send(JsonFrames socket, String clientId, String body) {
    int before = socket.frames().size();
    socket.send(Map.of("type", "message", "clientId", clientId, "body", body));
    Map<String, Object> frame = answer(socket, f -> clientId.equals(f.get("clientId"))
        || "error".equals(f.get("type")), before);
    if ("ack".equals(frame.get("type"))) {
      acked.add(new Acked(clientId, (String) frame.get("id"), (String) frame.get("contactId"), body));
      return true;
    }
    if ("unavailable".equals(frame.get("error"))) {
      unavailable.incrementAndGet();
      Number retryAfter = (Number) frame.getOrDefault("retryAfter", 1);
      LockSupport.parkNanos(Duration.ofSeconds(Math.min(5, retryAfter.longValue())).toNanos());
    }
    return false;
  }

  /**
   * The first frame after index {@code from} that matches; when none comes within {@link
   * #ANSWER_WAIT} or the socket breaks, the socket is dropped and {@link IllegalStateException} thrown.
   */
  private static Map<String, Object> answer(JsonFrames socket, Predicate<Map<String, Object>> match, int from) {
    long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
    while (System.nanoTime() < deadline && socket.closedWith() == null) {
      List<Map<String, Object>> frames = socket.frames();
      for (Map<String, Object> frame : frames.subList(Math.min(from, frames.size()), frames.size())) {
        if (match.test(frame)) {
          return frame;
        }
      }
      LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
    }
    socket.kill();
    throw new IllegalStateException("no answer on the chat socket");
  }
}
