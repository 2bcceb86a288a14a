package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.onenumber.core.error.RetriableException;

/**
 * One demo operator driven over the public agent API and the agent WebSocket. The model:
 *
 * <ol>
 *   <li>logs in, then holds {@code /ws/agents/{id}} and acts only on what it pushes (the snapshot's
 *       and {@code offer} frames' offers; no polling); an operator without a socket cannot work;
 *   <li>accepts each offer and talks for a lognormal handle time (mean {@code --aht}, σ 0.6), each
 *       contact in hand a continuation of its own (no thread: the accept, the talk's timer, the
 *       wrap-up and a break after it follow one another as futures), so messaging operators can
 *       hold several;
 *   <li>ends it RESOLVED or, with {@code --escalate} probability, ESCALATED: by {@code /close} at
 *       once, or on a city day by {@code /wrap-up}, so the queue's wrap-up runs on the server's
 *       (simulated) clock; a 409 {@code already_closed} there (or a 404 from an older server) after
 *       the citizen hung up on the connected call (the server ended it) closes it as HUNG_UP, not
 *       as an error; a late accept's 409 {@code offer_gone} is counted with the refused accepts;
 *   <li>on a city day, after every {@value #WORK_BEFORE_BREAK_S} trace seconds of work takes a
 *       {@value #BREAK_S}-second break (BREAK "personal", then AVAILABLE);
 *   <li>a call (VOICE offer) is not accepted by the API: the server rings the operator's phone
 *       ({@code Dial}), the simulated phone answers it ({@link #pickUp}), the operator talks for the
 *       handle time, hangs up and then wraps up or closes as in case 3;
 *   <li>after a missed offer (NOT_RESPONDING, pushed on its socket) makes itself available again
 *       (pressed again after a second if the server refused, up to {@value #AVAILABLE_PRESSES} times;
 *       counted as {@code back-from-miss} and {@code stuck-not-responding}); its phone is busy
 *       while it talks on a call ({@link #onCall}); an offer is known by
 *       its contact and the instant it was made, so the same contact offered again later is taken
 *       (it was ignored before, and a stall at a shift change then blocked whole queues);
 *   <li>at the end of its shift ({@link #finish}) it takes what is still offered, then logs out
 *       once nothing is in its hands; it can start again for a later shift;
 *   <li>keeps its agent WebSocket past its access token's lifetime (15 minutes; the server closes a
 *       socket whose token expired with 4401) as the console does: at three quarters of the
 *       lifetime it renews the session ({@code POST /api/v1/session/refresh}) and sends the new
 *       token in-band ({@code {"type":"auth","token":...}}, answered {@code auth.ok}); if the socket
 *       is closed 4401 all the same (a renewal refused or late) it renews and reconnects. Counted as
 *       {@code socket-renewals} and {@code socket-reconnects} ({@link SimulationLedger}).
 * </ol>
 *
 * Its console (requests and the agent WebSocket) runs on an operators' {@link ClientLane}, never
 * behind the citizens' requests. Nothing it does in hand holds a thread (session 18; before, a
 * platform thread per contact in hand, per frame and per shift's end, ~400 at once on Seoul's
 * proof day): a frame is handled where the socket delivers it, a request's answer continues on
 * the lane's client, a handle time, a break or a second before pressing Available again is a timer
 * of {@link Waits}. Only a shift's login and a socket's reconnect after a 4401 (a password check
 * or a renewal and a handshake, once a shift) run on a short thread of their own ({@link
 * #console}). Thread-safe; failures of single calls are counted in the ledger and never stop the
 * operator.
 */
final class SimulatedOperator {

  static final long WORK_BEFORE_BREAK_S = 7200;
  static final long BREAK_S = 900;
  /** How many times an operator presses Available after a missed offer before giving up (case 6). */
  static final int AVAILABLE_PRESSES = 3;
  private static final long CONSOLE_STACK_BYTES = 256 * 1024;
  /** How often an operator at a shift's end looks whether anything is still in hand. */
  static final long FINISH_LOOK_MS = 50;
  /** The server's close code for a socket whose token expired or was revoked ({@code SignedInSockets}). */
  static final int TOKEN_ENDED = 4401;
  /** One thread for every operator's session renewals: each is a short request and a frame. */
  private static final java.util.concurrent.ScheduledExecutorService RENEWALS =
      java.util.concurrent.Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("operator-renewals").factory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private final String id;
  private final ClientLane lane;
  private final OneNumberClient client;
  private final SimulationLedger ledger;
  private final DoubleSupplier traceClock;
  private final SimulationOptions options;
  private final RandomGenerator random;
  private final Set<String> seenOffers = ConcurrentHashMap.newKeySet();
  private final AtomicInteger inHand = new AtomicInteger();
  /** Calls picked up and not yet hung up: a phone on a call rings busy. */
  private final AtomicInteger calls = new AtomicInteger();
  private volatile boolean running;
  private volatile double workingSince;
  private volatile boolean onBreak;
  private volatile WebSocket socket;
  private URI socketUri;
  private java.util.concurrent.ScheduledFuture<?> renewal;

  SimulatedOperator(String id, ClientLane lane, SimulationLedger ledger, DoubleSupplier traceClock,
      SimulationOptions options, RandomGenerator random) {
    this.id = id;
    this.lane = lane;
    this.client = new OneNumberClient(lane, options.url());
    this.ledger = ledger;
    this.traceClock = traceClock;
    this.options = options;
    this.random = random;
  }

  String id() {
    return id;
  }

  boolean running() {
    return running;
  }

  /** True while the operator talks on a call they picked up: their phone answers another ring busy. */
  boolean onCall() {
    return calls.get() > 0;
  }

  /** Signs in (a password check) unless already signed in: a later shift reuses the token. */
  synchronized void signIn(String password) {
    if (client.token() == null) {
      client.login(id, password);
    }
  }

  synchronized void start(URI base, String password) {
    signIn(password);
    try {
      client.post("/api/v1/agents/" + id + "/login", Map.of());
    } catch (OneNumberClient.Refused e) {
      client.post("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE"));
    }
    socketUri = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/agents/" + id);
    atWork();
    try {
      socket = connect();
    } catch (Exception e) {
      running = false;
      logout();
      throw new IllegalStateException(id + ": no agent WebSocket (" + e.getMessage() + ")", e);
    }
    planRenewal();
  }

  private WebSocket connect() throws Exception {
    return lane.http().newWebSocketBuilder().header("Authorization", "Bearer " + client.token())
        .buildAsync(socketUri, new Frames()).get(10, TimeUnit.SECONDS);
  }

  /** Case 7: the next renewal at three quarters of the current token's lifetime. */
  private synchronized void planRenewal() {
    if (renewal != null) {
      renewal.cancel(false);
    }
    long inMillis = client.lifetime().toMillis() * 3 / 4;
    renewal = RENEWALS.schedule(this::renewInBand, inMillis, TimeUnit.MILLISECONDS);
  }

  /** Case 7: renews the session and hands the socket the new token in-band; then plans the next. */
  private void renewInBand() {
    if (!running) {
      return;
    }
    String renewed = client.renewAhead();
    WebSocket open = socket;
    if (renewed == null) {
      ledger.errors.increment(); // the socket will be closed 4401; then reconnected (onClose)
    } else if (open != null) {
      try {
        open.sendText(JSON.writeValueAsString(Map.of("type", "auth", "token", renewed)), true);
        ledger.socketRenewals.increment();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        ledger.errors.increment();
      }
    }
    planRenewal();
  }

  /** Case 7: the server closed the socket 4401 while at work: renew the session, reconnect. */
  private synchronized void reconnect(WebSocket closed) {
    if (!running || socket != closed) {
      return;
    }
    client.renewAhead();
    try {
      socket = connect();
      ledger.socketReconnects.increment();
      planRenewal();
    } catch (Exception e) {
      socket = null;
      ledger.errors.increment();
      System.out.println("[sim] " + id + " lost its agent WebSocket: " + e.getMessage());
    }
  }

  /** At work from now (as {@link #start} once logged in; a test peer without the agent socket calls it alone). */
  void atWork() {
    workingSince = traceClock.getAsDouble();
    running = true;
  }

  /** Counts work towards the next break from {@code traceSeconds} (a shift joined late: {@link ShiftRota}). */
  void workingSince(double traceSeconds) {
    workingSince = traceSeconds;
  }

  /** Stops at once (end of the simulation): closes the socket and logs out, handing work back. */
  void stop() {
    closeConsole();
    logout();
  }

  /** Not at work any more: no renewal, the socket closed. */
  private synchronized void closeConsole() {
    running = false;
    if (renewal != null) {
      renewal.cancel(false);
      renewal = null;
    }
    if (socket != null) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
      socket = null;
    }
  }

  /**
   * End of shift: finishes what is in hand (looking every {@value #FINISH_LOOK_MS} ms, a timer),
   * then stops and logs out; completes when logged out.
   */
  CompletableFuture<Void> finish() {
    if (inHand.get() > 0 && running) {
      return Waits.after(FINISH_LOOK_MS).thenCompose(v -> finish());
    }
    closeConsole();
    return logoutAsync();
  }

  private void logout() {
    logoutAsync().join();
  }

  /** Logs out, handing open contacts back; a failure is counted. */
  private CompletableFuture<Void> logoutAsync() {
    return client.postAsync("/api/v1/agents/" + id + "/logout", Map.of("transferOpenContacts", true))
        .handle((ok, failure) -> {
          if (failure != null) {
            ledger.errors.increment();
          }
          return null;
        });
  }

  /** An offer pushed on the agent socket (a snapshot's or an {@code offer} frame's); package-private for tests. */
  void offered(JsonNode offer) {
    String offerId = offer.path("offerId").asText();
    // an offer's id is its contact's: a contact offered again (after a missed offer) is a new offer
    if (running && !offerId.isEmpty() && seenOffers.add(offerId + "@" + offer.path("offeredAt").asText())) {
      String tag = "SMS".equals(offer.path("channel").asText()) ? SmsCitizen.tagOf(offer.path("topic").asText()) : null;
      if (tag != null) {
        ledger.smsOffered(tag, offer.path("contactId").asText());
      }
      ledger.offeredIn(offer.path("contactId").asText(), offer.path("queueId").asText());
      if (options.phonesAgi() && "VOICE".equals(offer.path("channel").asText())) {
        return; // case 5: the phone rings, the call's Dial is answered by pickUp
      }
      inHand.incrementAndGet();
      inHand(handle(offerId, offer.path("contactId").asText()), () -> { });
    }
  }

  /** A contact in hand until {@code work} completes; then {@code after} (a failure is counted). */
  private void inHand(CompletableFuture<Void> work, Runnable after) {
    work.whenComplete((r, e) -> {
      if (e != null) {
        ledger.errors.increment(); // a defect: never lost in a future
      }
      after.run();
      inHand.decrementAndGet();
    });
  }

  private CompletableFuture<Void> handle(String offerId, String contactId) {
    return client.postAsync("/api/v1/offers/" + offerId + "/accept", Map.of()).handle((ok, failure) -> {
      if (failure != null) {
        RuntimeException e = OneNumberClient.unwrapped(failure);
        if (e instanceof OneNumberClient.Refused refused) {
          ledger.refusedAccepts.computeIfAbsent(refused.status, k -> new AtomicLong()).incrementAndGet();
        } else {
          ledger.errors.increment();
        }
        return CompletableFuture.<Void>completedFuture(null);
      }
      // acknowledged: the server journaled CONNECTED (SimulationLedger)
      ledger.answered(contactId, traceClock.getAsDouble());
      return talk(contactId, () -> { }, true);
    }).thenCompose(Function.identity());
  }

  /**
   * Case 5: the operator picks up their ringing phone ({@link VoiceCitizen}, which rings only
   * operators at work). From now the call is in hand, so the shift's end waits for it, and the phone
   * rings busy to others, while the server's {@code answered} script runs on the operator's leg
   * (routing's accept); then {@link #pickUp} (bridged) or {@link #ringDropped} (not). Before, the
   * call counted only once bridged: an operator whose shift ended meanwhile logged out with
   * {@code transferOpenContacts}, routing put the just-accepted call back in line and offered it to
   * another operator, and this one's wrap-up after the talk was refused 403 "may not act for agent
   * X" (the IVR's own wrap-up "cannot go from OFFERED"; New York's 4 left in session 14).
   */
  void phonePickedUp() {
    inHand.incrementAndGet();
    calls.incrementAndGet();
  }

  /** The picked-up phone was not bridged (the server refused the answer, or the call ended first). */
  void ringDropped() {
    calls.decrementAndGet();
    inHand.decrementAndGet();
  }

  /**
   * Case 5: the server bridged the call of {@code contactId} to the phone picked up ({@link
   * #phonePickedUp}): the call lasts the handle time, then {@code hangUp} hangs the phone up before
   * the wrap-up.
   */
  void pickUp(String contactId, Runnable hangUp) {
    bridged(contactId, hangUp, true);
  }

  /**
   * Case 5, when the caller hung up while the server accepted the answer: the legs are bridged to
   * nobody and Asterisk drops the operator's leg at once, so the operator wraps up now instead of
   * talking for a handle time (they used to, their phone busy while routing offered them the next
   * call, which then rang busy: a decline counted against them).
   */
  void pickUpAfterCallerLeft(String contactId) {
    bridged(contactId, () -> { }, false);
  }

  private void bridged(String contactId, Runnable hangUp, boolean talks) {
    inHand(talk(contactId, hangUp, talks), calls::decrementAndGet);
  }

  /**
   * Cases 2–3: the handle time (none when nobody {@code talks}: a timer), {@code hangUp} (the
   * phone; must not block), then close or wrap up, and perhaps a break (case 4); completes after
   * all of it, holding no thread meanwhile.
   */
  private CompletableFuture<Void> talk(String contactId, Runnable hangUp, boolean talks) {
    double sigma = 0.6;
    double handleSeconds;
    String outcome;
    synchronized (random) { // contacts in hand end on whatever thread their answer or timer comes
      handleSeconds = Math.exp(Math.log(options.ahtSeconds()) - sigma * sigma / 2 + sigma * random.nextGaussian());
      outcome = random.nextDouble() < options.escalateShare() ? "ESCALATED" : "RESOLVED";
    }
    String end = options.cityDay() ? "/wrap-up" : "/close";
    return afterTrace(talks ? handleSeconds : 0).thenCompose(v -> {
      hangUp.run();
      return end(contactId, end, outcome, true);
    });
  }

  /**
   * Closes or wraps up the contact, and perhaps a break (case 4). A post whose connection closed before
   * any answer (a kept-alive connection the server had just closed) is sent {@code once} more, as the
   * console does: the server answers an operator's repeated wrap-up as it answered the first (issue 11).
   */
  private CompletableFuture<Void> end(String contactId, String end, String outcome, boolean once) {
    return client.postAsync("/api/v1/contacts/" + contactId + end, Map.of("outcome", outcome)).handle((ok, failure) -> {
      if (failure == null) {
        ledger.closed(contactId, outcome);
        return maybeBreak();
      }
      RuntimeException e = OneNumberClient.unwrapped(failure);
      if (once && e instanceof RetriableException && !(e instanceof OneNumberClient.Busy)
          && e.getCause() instanceof IOException) {
        return end(contactId, end, outcome, false);
      }
      if (e instanceof OneNumberClient.Refused refused && (refused.status == 404 && ledger.citizenLeft(contactId)
          || refused.status == 409 && refused.getMessage().contains("\"already_closed\""))) {
        // the citizen hung up and the server (the IVR, the chat) ended the contact first
        ledger.closed(contactId, "HUNG_UP");
      } else if (e instanceof OneNumberClient.Refused refused && refused.status == 409 && options.phonesAgi()
          && ledger.isCall(contactId)) {
        // the server wrapped the call up on the hang-up first (case 8 of the call flow), RESOLVED
        ledger.closed(contactId, "RESOLVED");
      } else {
        closeFailed(contactId, e);
      }
      return CompletableFuture.<Void>completedFuture(null);
    }).thenCompose(Function.identity());
  }

  private void closeFailed(String contactId, RuntimeException e) {
    System.out.println("[sim] " + id + " could not close " + contactId + ": " + e.getMessage());
    ledger.errors.increment();
    ledger.closeFailed(contactId);
  }

  /**
   * Case 6: the console shows the missed offer and the operator presses Available, again after a
   * second when the press failed (a busy server), up to {@value #AVAILABLE_PRESSES} times; counted
   * ({@link SimulationLedger#backFromMiss}, {@link SimulationLedger#stuckNotResponding}).
   */
  private CompletableFuture<Void> backToWork(int press) {
    if (!running) {
      return CompletableFuture.completedFuture(null);
    }
    return client.postAsync("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE")).handle((ok, failure) -> {
      if (failure == null) {
        ledger.backFromMiss.increment();
        return CompletableFuture.<Void>completedFuture(null);
      }
      if (press >= AVAILABLE_PRESSES) {
        System.out.println("[sim] " + id + " stays NOT_RESPONDING: " + OneNumberClient.unwrapped(failure).getMessage());
        ledger.stuckNotResponding.increment();
        return CompletableFuture.<Void>completedFuture(null);
      }
      return Waits.after(1000).thenCompose(v -> backToWork(press + 1));
    }).thenCompose(Function.identity());
  }

  /**
   * Case 4: a break after two hours of work, once nothing else is in hand; completes when it is
   * over (the contact that led to it is in hand until then, so a shift's end waits for it). A
   * refusal (still wrapping up or holding a chat) leaves the break for the next contact's end.
   */
  private CompletableFuture<Void> maybeBreak() {
    if (!options.cityDay() || onBreak || inHand.get() > 1
        || traceClock.getAsDouble() - workingSince < WORK_BEFORE_BREAK_S) {
      return CompletableFuture.completedFuture(null);
    }
    onBreak = true;
    return client.postAsync("/api/v1/agents/" + id + "/state", Map.of("state", "BREAK", "reason", "personal"))
        .thenCompose(v -> afterTrace(BREAK_S))
        .thenCompose(v -> client.postAsync("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE")))
        .handle((ok, failure) -> {
          if (failure != null && !(OneNumberClient.unwrapped(failure) instanceof OneNumberClient.Refused)) {
            ledger.errors.increment();
          }
          workingSince = traceClock.getAsDouble();
          onBreak = false;
          return null;
        });
  }

  /**
   * Starts {@code work} on a short platform thread of its own: a shift's login (a password check)
   * or a socket's reconnect, which block on their answers; once a shift each, never per contact.
   */
  static Thread console(String name, Runnable work) {
    return Thread.ofPlatform().daemon().name(name).stackSize(CONSOLE_STACK_BYTES).start(work);
  }

  /** Completes after {@code traceSeconds} of the trace (a timer, no thread). */
  private CompletableFuture<Void> afterTrace(double traceSeconds) {
    return Waits.after((long) (traceSeconds * 1000 / options.speedup()));
  }

  /** Collects text frames (possibly split) and reacts to offers and presence changes. */
  private final class Frames extends TextFrames {

    /** Handled where the socket delivers it: nothing here blocks (requests and waits are continuations). */
    @Override
    void onFrame(String frame) {
      react(frame);
    }

    @Override
    public java.util.concurrent.CompletionStage<?> onClose(WebSocket closed, int statusCode, String reason) {
      if (statusCode == TOKEN_ENDED && running) {
        console("reconnect-" + id, () -> reconnect(closed));
      }
      return null;
    }

    private void react(String frame) {
      try {
        JsonNode f = JSON.readTree(frame);
        switch (f.path("type").asText()) {
          case "snapshot" -> f.path("offers").forEach(SimulatedOperator.this::offered);
          case "offer" -> offered(f.path("offer"));
          case "agent.state" -> {
            if ("NOT_RESPONDING".equals(f.path("to").asText()) && running) {
              backToWork(1).whenComplete((r, e) -> {
                if (e != null) {
                  ledger.errors.increment();
                }
              });
            }
          }
          default -> { }
        }
      } catch (Exception e) {
        ledger.errors.increment();
      }
    }
  }
}
