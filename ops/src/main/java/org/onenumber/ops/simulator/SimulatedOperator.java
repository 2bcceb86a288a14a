package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * One demo operator driven over the public agent API and the agent WebSocket. The model:
 *
 * <ol>
 *   <li>logs in, then holds {@code /ws/agents/{id}} and acts only on what it pushes (the snapshot's
 *       and {@code offer} frames' offers; no polling); an operator without a socket cannot work;
 *   <li>accepts each offer and talks for a lognormal handle time (mean {@code --aht}, σ 0.6), each
 *       contact on its own virtual thread, so messaging operators can hold several;
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
 * behind the citizens' requests, and on threads of its own ({@link #console}), never behind the
 * citizens' virtual threads. Thread-safe; failures of single calls are counted in the ledger and
 * never stop the operator.
 */
final class SimulatedOperator {

  static final long WORK_BEFORE_BREAK_S = 7200;
  static final long BREAK_S = 900;
  /** How many times an operator presses Available after a missed offer before giving up (case 6). */
  static final int AVAILABLE_PRESSES = 3;
  private static final long CONSOLE_STACK_BYTES = 256 * 1024;
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

  /** Stops at once (end of the simulation): closes the socket and logs out, handing work back. */
  synchronized void stop() {
    running = false;
    if (renewal != null) {
      renewal.cancel(false);
      renewal = null;
    }
    if (socket != null) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
      socket = null;
    }
    logout();
  }

  /** End of shift: finishes what is in hand (on a virtual thread), then {@link #stop}s. */
  void finish() {
    console("finish-" + id, () -> {
      try {
        while (inHand.get() > 0 && running) {
          TimeUnit.MILLISECONDS.sleep(50);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stop();
    });
  }

  private void logout() {
    try {
      client.post("/api/v1/agents/" + id + "/logout", Map.of("transferOpenContacts", true));
    } catch (RuntimeException e) {
      ledger.errors.increment();
    }
  }

  private void offered(JsonNode offer) {
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
      console("contact-" + id, () -> {
        try {
          handle(offerId, offer.path("contactId").asText());
        } finally {
          inHand.decrementAndGet();
        }
      });
    }
  }

  private void handle(String offerId, String contactId) {
    double acceptedAt;
    try {
      client.post("/api/v1/offers/" + offerId + "/accept", Map.of());
      acceptedAt = traceClock.getAsDouble(); // acknowledged: the server journaled CONNECTED (SimulationLedger)
    } catch (OneNumberClient.Refused e) {
      ledger.refusedAccepts.computeIfAbsent(e.status, k -> new AtomicLong()).incrementAndGet();
      return;
    } catch (RuntimeException e) {
      ledger.errors.increment();
      return;
    }
    ledger.answered(contactId, acceptedAt);
    talk(contactId, () -> { }, true);
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
    console("call-" + id, () -> {
      try {
        talk(contactId, hangUp, talks);
      } finally {
        calls.decrementAndGet();
        inHand.decrementAndGet();
      }
    });
  }

  /** Cases 2–3: the handle time (none when nobody {@code talks}), {@code hangUp} (the phone), then close or wrap up. */
  private void talk(String contactId, Runnable hangUp, boolean talks) {
    double sigma = 0.6;
    double handleSeconds = Math.exp(Math.log(options.ahtSeconds()) - sigma * sigma / 2 + sigma * random.nextGaussian());
    try {
      sleepTrace(talks ? handleSeconds : 0);
      hangUp.run();
      String outcome = random.nextDouble() < options.escalateShare() ? "ESCALATED" : "RESOLVED";
      String end = options.cityDay() ? "/wrap-up" : "/close";
      client.post("/api/v1/contacts/" + contactId + end, Map.of("outcome", outcome));
      ledger.closed(contactId, outcome);
      maybeBreak();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (OneNumberClient.Refused e) {
      if (e.status == 404 && ledger.citizenLeft(contactId)
          || e.status == 409 && e.getMessage().contains("\"already_closed\"")) {
        // the citizen hung up and the server (the IVR, the chat) ended the contact first
        ledger.closed(contactId, "HUNG_UP");
      } else if (e.status == 409 && options.phonesAgi() && ledger.isCall(contactId)) {
        // the server wrapped the call up on the hang-up first (case 8 of the call flow), RESOLVED
        ledger.closed(contactId, "RESOLVED");
      } else {
        closeFailed(contactId, e);
      }
    } catch (RuntimeException e) {
      closeFailed(contactId, e);
    }
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
  private void backToWork() throws InterruptedException {
    for (int press = 1; running; press++) {
      try {
        client.post("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE"));
        ledger.backFromMiss.increment();
        return;
      } catch (RuntimeException e) {
        if (press == AVAILABLE_PRESSES) {
          System.out.println("[sim] " + id + " stays NOT_RESPONDING: " + e.getMessage());
          ledger.stuckNotResponding.increment();
          return;
        }
        TimeUnit.SECONDS.sleep(1);
      }
    }
  }

  /** Case 4: a break after two hours of work, once nothing else is in hand. */
  private void maybeBreak() throws InterruptedException {
    if (!options.cityDay() || onBreak || inHand.get() > 1
        || traceClock.getAsDouble() - workingSince < WORK_BEFORE_BREAK_S) {
      return;
    }
    onBreak = true;
    try {
      client.post("/api/v1/agents/" + id + "/state", Map.of("state", "BREAK", "reason", "personal"));
      sleepTrace(BREAK_S);
      client.post("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE"));
    } catch (OneNumberClient.Refused e) {
      // still wrapping up or holding a chat: the break waits for the next contact's end
    } finally {
      workingSince = traceClock.getAsDouble();
      onBreak = false;
    }
  }

  /**
   * Starts {@code work} on one of the operator's own threads: a platform thread, scheduled by the
   * operating system as a real console's browser is, not a virtual thread. The simulator's tens of
   * thousands of citizens are virtual threads on the JDK's few carriers (as many as cores); at New
   * York's morning peak thousands of them wait for a carrier at once, and an operator's thread
   * whose answer had arrived waited behind them for seconds (session 14: 7,656 virtual threads
   * queued for 2 carriers, an operator's request resumed 0.5–4 s after its answer), so accepts and
   * wrap-ups stalled while the server was idle. A few hundred to a few thousand of these exist at
   * once (consoles, contacts in hand), mostly asleep; a small stack each.
   */
  static Thread console(String name, Runnable work) {
    return Thread.ofPlatform().daemon().name(name).stackSize(CONSOLE_STACK_BYTES).start(work);
  }

  private void sleepTrace(double traceSeconds) throws InterruptedException {
    Thread.sleep(Duration.ofMillis((long) (traceSeconds * 1000 / options.speedup())));
  }

  /** Collects text frames (possibly split) and reacts to offers and presence changes. */
  private final class Frames extends TextFrames {

    @Override
    void onFrame(String frame) {
      console("console-" + id, () -> react(frame));
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
              backToWork();
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
