package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;

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
 * One instance per citizen; {@link #run} blocks its (virtual) thread. Its socket takes a place in
 * a citizens' {@link ClientLane} for the conversation. Every wait is bounded: the socket, each
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
    try {
      lane.socketOpening();
    } catch (ClientLane.TimedOut e) {
      ledger.timedOut();
      return;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    try {
      converse(lane, base, arrival, patienceSeconds);
    } finally {
      lane.socketClosed();
    }
  }

  private void converse(ClientLane lane, URI base, Arrival arrival, double patienceSeconds) {
    WebSocket socket;
    try {
      socket = lane.http().newWebSocketBuilder().buildAsync(URI.create(base.toString().replaceFirst("^http", "ws")
          + "ws/chat"), this).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    } catch (TimeoutException e) {
      ledger.timedOut();
      return;
    } catch (ExecutionException e) {
      ledger.errors.incrementAndGet();
      return;
    }
    try {
      String contactId = open(socket, arrival);
      if (contactId == null) {
        return;
      }
      try {
        CompletableFuture.anyOf(agent, ledger.dayOver).get((long) (patienceSeconds * 1000 / speedup),
            TimeUnit.MILLISECONDS);
      } catch (TimeoutException patienceOut) {
        // leaves now
      }
      if (!agent.isDone() && ledger.abandoning(contactId, traceClock.getAsDouble())) {
        send(socket, Map.of("type", "leave"));
        ended.completeOnTimeout(null, ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
      }
      ended.get((long) (CONVERSATION_TRACE_S * 1000 / speedup) + ANSWER_TIMEOUT_S * 1000, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (TimeoutException | ClientLane.TimedOut e) {
      ledger.timedOut();
    } catch (ExecutionException e) {
      ledger.errors.incrementAndGet();
    } finally {
      socket.abort();
    }
  }

  /** Case 1: start, first message, ack; the contact id, or null after a failure (counted). */
  private String open(WebSocket socket, Arrival arrival) throws InterruptedException {
    try {
      sendUntilAnswered(socket, Map.of("type", "start", "language", arrival.language()), session);
      String contactId = sendUntilAnswered(socket, Map.of("type", "message", "clientId", "c-1", "body", arrival.topic()),
          ack).path("contactId").asText("");
      double ackedAt = traceClock.getAsDouble();
      if (contactId.isEmpty()) {
        ledger.errors.incrementAndGet();
        return null;
      }
      ledger.opened(contactId, ackedAt, Double.NaN, "CHAT");
      return contactId;
    } catch (TimeoutException | ClientLane.TimedOut e) {
      ledger.timedOut();
      return null;
    } catch (ExecutionException e) {
      ledger.errors.incrementAndGet();
      return null;
    } catch (TurnedAway e) {
      ledger.gaveUp.incrementAndGet();
      return null;
    }
  }

  /** Every try of a frame was answered {@code unavailable}: the citizen gives up (nothing stored). */
  private static final class TurnedAway extends Exception {
    TurnedAway() {
      super(null, null, false, false);
    }
  }

  /**
   * Sends {@code frame} and waits for {@code answer}; an {@code unavailable} error frame (the server
   * shed it: nothing stored) sends it again after its {@code retryAfter}, counted in {@link
   * SimulationLedger#retries}, at most {@link Simulation#MAX_TRIES} times, as the chat page does.
   */
  private JsonNode sendUntilAnswered(WebSocket socket, Map<String, Object> frame, CompletableFuture<JsonNode> answer)
      throws InterruptedException, ExecutionException, TimeoutException, TurnedAway {
    for (int tries = 1; ; tries++) {
      CompletableFuture<Long> retry = new CompletableFuture<>();
      unavailable = retry;
      send(socket, frame);
      CompletableFuture.anyOf(answer, retry).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
      if (answer.isDone()) {
        return answer.get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
      }
      if (tries >= Simulation.MAX_TRIES) {
        throw new TurnedAway();
      }
      ledger.retries.incrementAndGet();
      TimeUnit.SECONDS.sleep(retry.join());
    }
  }

  /** Sends {@code frame}, waiting at most 30 s for the socket to take it ({@link ClientLane.TimedOut} after). */
  private static void send(WebSocket socket, Map<String, Object> frame) throws InterruptedException {
    try {
      socket.sendText(JSON.writeValueAsString(frame), true).get(ANSWER_TIMEOUT_S, TimeUnit.SECONDS);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write a chat frame", e);
    } catch (TimeoutException e) {
      throw new ClientLane.TimedOut("a chat frame not sent within " + ANSWER_TIMEOUT_S + " s", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("a chat frame not sent: " + e.getCause(), e.getCause());
    }
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
