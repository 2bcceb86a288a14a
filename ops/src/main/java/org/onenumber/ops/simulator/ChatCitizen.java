package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * One citizen in the web chat, over {@code /ws/chat} as a browser speaks it (AsyncAPI {@code
 * chat.yml}). In order:
 *
 * <ol>
 *   <li>connects, sends {@code start} in the arrival's language, then its topic as the first
 *       {@code message}; the {@code ack} carries the contact id, and the contact counts as opened
 *       when that ack came (the server stamped its arrival while handling the message, before
 *       the ack: {@link SimulationLedger}); its queue, and so its threshold, is learnt when an operator is offered it;
 *   <li>waits for {@code agent} (an operator took it; the ledger's answer time is the operator's
 *       accept, as on every channel) or for its patience to run out;
 *   <li>patience out with no operator, or the day's end ({@link SimulationLedger#closeDay}): sends {@code leave} — the server abandons a waiting contact,
 *       or ends one an operator has just taken (the operator's wrap-up then finds it gone, see
 *       {@link SimulationLedger#citizenLeft});
 *   <li>closes the socket at {@code ended}, after {@code leave}, or when the simulation stops
 *       (interrupt).
 * </ol>
 *
 * One instance per citizen; {@link #start} holds no thread while the citizen waits (for a place, a
 * frame, its patience, the conversation's end: continuations of the socket's listener and of one
 * timer thread, {@link Waits}); {@link #run} blocks the caller until it is over. Its socket takes a
 * place in a citizens' {@link ClientLane} for the conversation. Every wait is bounded: the socket, each
 * frame's answer and each send 30 s, the operator's end of the conversation {@value
 * #CONVERSATION_TRACE_S} trace seconds plus 30 s; no place in the lane or a wait run out counts as
 * the simulator's timeout ({@link SimulationLedger#timeouts}). Other failures (an {@code error}
 * frame, a refused socket) count as call errors; an {@code unavailable} error (the
 * server shed the frame) is answered by sending it again after {@code retryAfter} (counted as a retry);
 * after {@link Simulation#MAX_TRIES} such answers the citizen gives up ({@link SimulationLedger#gaveUp}:
 * no contact on either side).
 */
final class ChatCitizen extends TextFrames {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final long ANSWER_TIMEOUT_S = 30;
  /** Longest a conversation an operator took may last before the citizen stops waiting for its end. */
  static final long CONVERSATION_TRACE_S = 7200;
  private final SimulationLedger ledger;
  private final DoubleSupplier traceClock;
  private final double speedup;
  private final CompletableFuture<JsonNode> session = new CompletableFuture<>();
  private final CompletableFuture<JsonNode> ack = new CompletableFuture<>();
  private final CompletableFuture<Void> agent = new CompletableFuture<>();
  private final CompletableFuture<Void> ended = new CompletableFuture<>();
  /** Completed with {@code retryAfter} by an {@code unavailable} error frame for the frame last sent. */
  private volatile CompletableFuture<Long> unavailable = new CompletableFuture<>();

  ChatCitizen(SimulationLedger ledger, DoubleSupplier traceClock, double speedup) {
    this.ledger = ledger;
    this.traceClock = traceClock;
    this.speedup = speedup;
  }

  /** Plays the citizen (cases 1 to 4) on {@code lane}; returns when the conversation is over for them. */
  void run(ClientLane lane, URI base, Arrival arrival, double patienceSeconds) {
    start(lane, base, arrival, patienceSeconds).join();
  }

  /**
   * Plays the citizen (cases 1 to 4) on {@code lane} without a thread of its own: a place in the
   * lane, the socket, each frame's answer, the patience and the conversation's end are waited for
   * as continuations ({@link AsyncPlaces}, {@link Waits}, the socket's listener). Completes when the
   * conversation is over for them, every outcome in the ledger; fails only on a defect.
   */
  CompletableFuture<Void> start(ClientLane lane, URI base, Arrival arrival, double patienceSeconds) {
    return lane.socketAsync().handle((placed, noPlace) -> {
      if (noPlace != null) {
        ledger.timedOut("CHAT"); // no place among the lane's sockets in time
        return CompletableFuture.<Void>completedFuture(null);
      }
      return connect(lane, base).thenCompose(socket -> socket == null ? CompletableFuture.<Void>completedFuture(null)
          : converse(socket, arrival, patienceSeconds).whenComplete((r, e) -> socket.abort()))
          .whenComplete((r, e) -> lane.socketClosed());
    }).thenCompose(Function.identity());
  }

  /** The socket to {@code /ws/chat}, or null after a failure (counted). */
  private CompletableFuture<WebSocket> connect(ClientLane lane, URI base) {
    CompletableFuture<WebSocket> building;
    try {
      building = lane.http().newWebSocketBuilder().buildAsync(URI.create(base.toString().replaceFirst("^http", "ws")
          + "ws/chat"), this);
    } catch (RuntimeException e) { // the client already shut down at the end
      building = CompletableFuture.failedFuture(e);
    }
    return Waits.within(building, ANSWER_TIMEOUT_S * 1000).handle((socket, failure) -> {
      if (failure != null) {
        count(failure);
        return null;
      }
      return socket;
    });
  }

  /** Cases 1 to 4 on an open socket. */
  private CompletableFuture<Void> converse(WebSocket socket, Arrival arrival, double patienceSeconds) {
    return open(socket, arrival).thenCompose(contactId -> contactId == null ? CompletableFuture.<Void>completedFuture(null)
        : Waits.untilOr(CompletableFuture.anyOf(agent, ledger.dayOver), (long) (patienceSeconds * 1000 / speedup))
            .thenCompose(waited -> {
              if (!agent.isDone() && ledger.abandoning(contactId, traceClock.getAsDouble())) {
                return send(socket, Map.of("type", "leave")).thenRun(() ->
                    Waits.after(ANSWER_TIMEOUT_S * 1000).thenRun(() -> ended.complete(null)));
              }
              return CompletableFuture.<Void>completedFuture(null);
            })
            .thenCompose(left -> Waits.within(ended, (long) (CONVERSATION_TRACE_S * 1000 / speedup)
                + ANSWER_TIMEOUT_S * 1000))
            .handle((over, failure) -> {
              if (failure != null) {
                count(failure);
              }
              return null;
            }));
  }

  /** A failure counted: no answer or no place in time is the simulator's timeout, anything else an error. */
  private void count(Throwable failure) {
    Throwable cause = OneNumberClient.unwrapped(failure);
    if (cause instanceof TimeoutException || cause.getCause() instanceof TimeoutException
        || cause instanceof ClientLane.TimedOut) {
      ledger.timedOut("CHAT");
    } else if (cause instanceof TurnedAway || cause.getCause() instanceof TurnedAway) {
      ledger.gaveUp.increment();
    } else {
      ledger.errors.increment();
    }
  }

  /** Case 1: start, first message, ack; the contact id, or null after a failure (counted). */
  private CompletableFuture<String> open(WebSocket socket, Arrival arrival) {
    return sendUntilAnswered(socket, Map.of("type", "start", "language", arrival.language()), session, 1)
        .thenCompose(started -> sendUntilAnswered(socket, Map.of("type", "message", "clientId", "c-1", "body",
            arrival.topic()), ack, 1))
        .handle((acked, failure) -> {
          if (failure != null) {
            count(failure);
            return null;
          }
          double ackedAt = traceClock.getAsDouble();
          String contactId = acked.path("contactId").asText("");
          if (contactId.isEmpty()) {
            ledger.errors.increment();
            return null;
          }
          ledger.opened(contactId, ackedAt, Double.NaN, "CHAT");
          return contactId;
        });
  }

  /** Every try of a frame was answered {@code unavailable}: the citizen gives up (nothing stored). */
  private static final class TurnedAway extends RuntimeException {
    TurnedAway() {
      super(null, null, false, false);
    }
  }

  /**
   * Sends {@code frame} and waits for {@code answer}; an {@code unavailable} error frame (the server
   * shed it: nothing stored) sends it again after its {@code retryAfter}, counted in {@link
   * SimulationLedger#retries}, at most {@link Simulation#MAX_TRIES} times, as the chat page does.
   */
  private CompletableFuture<JsonNode> sendUntilAnswered(WebSocket socket, Map<String, Object> frame,
      CompletableFuture<JsonNode> answer, int tries) {
    CompletableFuture<Long> retry = new CompletableFuture<>();
    unavailable = retry;
    return send(socket, frame)
        .thenCompose(sent -> Waits.within(CompletableFuture.anyOf(answer, retry), ANSWER_TIMEOUT_S * 1000))
        .thenCompose(first -> {
          if (answer.isDone()) {
            return answer;
          }
          if (tries >= Simulation.MAX_TRIES) {
            return CompletableFuture.failedFuture(new TurnedAway());
          }
          ledger.retries.increment();
          return Waits.after(1000 * retry.join()).thenCompose(v -> sendUntilAnswered(socket, frame, answer, tries + 1));
        });
  }

  /** Sends {@code frame}; fails with a {@link TimeoutException} when the socket has not taken it within 30 s. */
  private static CompletableFuture<Void> send(WebSocket socket, Map<String, Object> frame) {
    String text;
    try {
      text = JSON.writeValueAsString(frame);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a chat frame", e);
    }
    CompletableFuture<WebSocket> sent;
    try {
      sent = socket.sendText(text, true);
    } catch (RuntimeException e) { // a send still under way, a socket closed meanwhile
      sent = CompletableFuture.failedFuture(e);
    }
    return Waits.within(sent, ANSWER_TIMEOUT_S * 1000).thenApply(ws -> null);
  }

  @Override
  void onFrame(String frame) {
    JsonNode f;
    try {
      f = JSON.readTree(frame);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return;
    }
    switch (f.path("type").asText()) {
      case "session" -> session.complete(f);
      case "ack" -> ack.complete(f);
      case "agent" -> agent.complete(null);
      case "ended" -> ended.complete(null);
      case "error" -> {
        if ("unavailable".equals(f.path("error").asText()) && unavailable.complete(
            OneNumberClient.retryAfterSeconds(f.path("retryAfter").asText(null)))) {
          return;
        }
        IllegalStateException failure = new IllegalStateException("chat error frame: " + frame);
        session.completeExceptionally(failure);
        ack.completeExceptionally(failure);
      }
      default -> { }
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
    ended.complete(null);
    return null;
  }

  @Override
  public void onError(WebSocket webSocket, Throwable error) {
    session.completeExceptionally(error);
    ack.completeExceptionally(error);
    ended.complete(null);
  }
}
