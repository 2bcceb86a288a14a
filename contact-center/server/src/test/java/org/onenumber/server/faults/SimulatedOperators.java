package org.onenumber.server.faults;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.onenumber.server.JsonFrames;

/**
 * Operators at work, as a console does it: each logs in to {@code messaging-ko} over HTTP, holds
 * its socket {@code /ws/agents/{id}} and accepts every offer the socket brings (an {@code offer}
 * frame, or the offers of a {@code snapshot} after a reconnect) with {@code POST
 * /api/v1/offers/{id}/accept}. SMS contacts are closed at once (the operator answered); chats are
 * held, so their citizens keep writing to a connected conversation. A broken socket (server
 * killed, restarting) is opened again until {@link #stop}. Every accept the server answered 2xx
 * is remembered per contact: a contact accepted by two operators is a double assignment seen from
 * outside. With a {@code transferTo} queue ({@link #SimulatedOperators(URI, String, String)}) each
 * accepted SMS is transferred there instead of closed (a hand-over when that queue is in another
 * routing partition), and each transfer answered 2xx is remembered ({@link #handedOver}); {@link
 * #wrappingUp} wraps each accepted SMS up instead, as the console does ({@link OperatorWrapUps}). One thread
 * per operator; thread-safe to read.
 */
final class SimulatedOperators {

  static final String QUEUE = "messaging-ko";

  private volatile URI server;
  private final String queue;
  private final String transferTo;
  private final Map<String, Long> handedOver = new ConcurrentHashMap<>();
  private final Map<String, Long> firstAccepted = new ConcurrentHashMap<>();
  private final Map<Integer, AtomicInteger> transferStatuses = new ConcurrentHashMap<>();
  private final JsonMapper json = JsonMapper.createDefault();
  private final LoadThreads threads = new LoadThreads();
  private final Map<String, Set<String>> acceptedBy = new ConcurrentHashMap<>();
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private final Map<Integer, AtomicInteger> acceptStatuses = new ConcurrentHashMap<>();
  private final AtomicInteger connects = new AtomicInteger();
  private volatile String lastError = "none";
  private volatile OperatorWrapUps wrapUps;

  SimulatedOperators(URI server) {
    this(server, QUEUE, null);
  }

  /** Operators of {@code queue} who transfer each accepted SMS to {@code transferTo} (null: close it). */
  SimulatedOperators(URI server, String queue, String transferTo) {
    this.server = server;
    this.queue = queue;
    this.transferTo = transferTo;
  }

  /** Each accepted SMS is wrapped up as the console does ({@code wrapUps}) instead of closed at once. */
  SimulatedOperators wrappingUp(OperatorWrapUps wrapUps) {
    this.wrapUps = wrapUps;
    return this;
  }

  /** Logs each operator in (the server must be up) and starts its console thread. */
  SimulatedOperators start(List<String> operators) throws IOException, InterruptedException {
    for (String agent : operators) {
      String token = token(agent);
      HttpResponse<String> login = post("/api/v1/agents/" + agent + "/login", "{\"queues\":[\"" + queue + "\"]}", token);
      if (login.statusCode() / 100 != 2) {
        throw new IllegalStateException(agent + " login: " + login.statusCode() + " " + login.body());
      }
      threads.start("operator-" + agent, () -> work(agent, token));
    }
    return this;
  }

  /**
   * Points the consoles at another server (the cluster's new owner after a failover, as a load
   * balancer would): sockets that break reconnect there, accepts go there.
   */
  void moveTo(URI next) {
    server = next;
  }

  void stop() throws InterruptedException {
    threads.stop();
  }

  /** Contacts the server let an operator accept, with every operator it let accept each. */
  Map<String, Set<String>> acceptedBy() {
    Map<String, Set<String>> copy = new java.util.HashMap<>();
    acceptedBy.forEach((contact, agents) -> copy.put(contact, Set.copyOf(agents)));
    return copy;
  }

  /** What the operators saw, for a failure message: accept answers by status, socket connects, the last error. */
  String activity() {
    return "accept statuses " + acceptStatuses + ", socket connects " + connects + ", last error " + lastError;
  }

  /** Contacts transferred to {@code transferTo} with a 2xx answer. */
  Set<String> handedOver() {
    return Set.copyOf(handedOver.keySet());
  }

  /** When ({@link System#nanoTime}) each contact was handed over. */
  Map<String, Long> handedOverAt() {
    return Map.copyOf(handedOver);
  }

  /** When ({@link System#nanoTime}) each contact was first accepted by one of these operators. */
  Map<String, Long> firstAcceptedAt() {
    return Map.copyOf(firstAccepted);
  }

  /** Transfer answers by status. */
  Map<Integer, Integer> transferStatuses() {
    Map<Integer, Integer> copy = new java.util.TreeMap<>();
    transferStatuses.forEach((status, n) -> copy.put(status, n.get()));
    return copy;
  }

  int accepted() {
    return acceptedBy.size();
  }

  /** Contacts that two or more operators were allowed to accept. */
  int acceptedTwice() {
    return (int) acceptedBy.values().stream().filter(agents -> agents.size() > 1).count();
  }

  /**
   * Logs every operator out, their open contacts back to the line, so that routing has nothing
   * left to move (before engine and journal are compared).
   */
  void logOut(List<String> operators) throws IOException, InterruptedException {
    for (String agent : operators) {
      HttpResponse<String> out = post("/api/v1/agents/" + agent + "/logout", "{\"transferOpenContacts\":true}",
          token(agent));
      if (out.statusCode() / 100 != 2) {
        throw new IllegalStateException(agent + " logout: " + out.statusCode() + " " + out.body());
      }
    }
  }

  private void work(String agent, String token) {
    JsonFrames socket = null;
    int seen = 0;
    Set<String> handled = new HashSet<>();
    while (threads.running()) {
      try {
        if (socket == null || socket.closedWith() != null) {
          socket = new JsonFrames(json).open(http,
              URI.create(server.toString().replaceFirst("^http", "ws") + "/ws/agents/" + agent + "?token=" + token));
          seen = 0;
          handled.clear();
          connects.incrementAndGet();
        }
        List<Map<String, Object>> frames = socket.frames();
        for (Map<String, Object> frame : frames.subList(seen, frames.size())) {
          for (Map<String, Object> offer : offers(frame)) {
            String contact = (String) offer.get("contactId");
            if (handled.add(contact + "@" + offer.get("offeredAt"))) {
              accept(agent, token, contact, (String) offer.get("channel"));
            }
          }
        }
        seen = frames.size();
        LockSupport.parkNanos(Duration.ofMillis(5).toNanos());
      } catch (RuntimeException | IOException e) {
        lastError = agent + ": " + e;
        socket = null;
        LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> offers(Map<String, Object> frame) {
    return switch (String.valueOf(frame.get("type"))) {
      case "offer" -> List.of((Map<String, Object>) frame.get("offer"));
      case "snapshot" -> (List<Map<String, Object>>) frame.get("offers");
      default -> List.of();
    };
  }

  private void accept(String agent, String token, String contact, String channel)
      throws IOException, InterruptedException {
    HttpResponse<String> accepted = post("/api/v1/offers/" + contact + "/accept", "{}", token);
    acceptStatuses.computeIfAbsent(accepted.statusCode(), s -> new AtomicInteger()).incrementAndGet();
    if (accepted.statusCode() / 100 != 2) {
      return;
    }
    acceptedBy.computeIfAbsent(contact, c -> ConcurrentHashMap.newKeySet()).add(agent);
    firstAccepted.putIfAbsent(contact, System.nanoTime());
    if ("CHAT".equals(channel)) {
      return;
    }
    if (transferTo == null && wrapUps != null) {
      wrapUps.handleThenWrapUp(contact, (path, body) -> post(path, body, token));
      return;
    }
    if (transferTo == null) {
      post("/api/v1/contacts/" + contact + "/close", "{\"outcome\":\"RESOLVED\"}", token);
      return;
    }
    HttpResponse<String> transferred = post("/api/v1/contacts/" + contact + "/transfer",
        "{\"toQueue\":\"" + transferTo + "\",\"keepAge\":true}", token);
    transferStatuses.computeIfAbsent(transferred.statusCode(), s -> new AtomicInteger()).incrementAndGet();
    if (transferred.statusCode() / 100 == 2) {
      handedOver.put(contact, System.nanoTime());
    } else { // refused (a 503 while the target's owner changes): the operator closes it instead
      post("/api/v1/contacts/" + contact + "/close", "{\"outcome\":\"RESOLVED\"}", token);
    }
  }

  private HttpResponse<String> post(String path, String body, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path)).timeout(Duration.ofSeconds(10))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private String token(String agent) throws IOException, InterruptedException {
    return Logins.token(http, server, agent);
  }

}
