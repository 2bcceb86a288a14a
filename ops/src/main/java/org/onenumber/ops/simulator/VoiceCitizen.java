package org.onenumber.ops.simulator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCaller.DialOutcome;
import org.onenumber.testkit.FastAgiCaller.Ring;

/**
 * A citizen who phones the city's number: the call reaches the server's FastAGI IVR as Asterisk 22
 * would send it ({@link FastAgiCaller} replays the real captures of {@code shared/data/asterisk}:
 * environment block, every command answered as Asterisk answered it). The server's side is its
 * telephony adapter as in production (call flow in {@code org.onenumber.telephony.asterisk}); no AMI
 * is needed: the session reports the operator's answer itself ({@code Dial}'s {@code U()} script)
 * and learns every hang-up on the FastAGI socket. In order:
 *
 * <ol>
 *   <li>the caller's number is the citizen's ({@link Simulation#phoneOf}); the language menu is
 *       answered with the arrival's language (1 Korean … 6 Mongolian; a number whose language the
 *       server remembers hears no menu), the main menu with 1 (an operator), the self-service topic
 *       menu and the menu after an answer with 0 (an operator);
 *   <li>the call counts as opened when the server's first command after the last menu key came
 *       (the IVR opened the contact on that key before going on: the server's acknowledgement,
 *       {@link SimulationLedger}) — under the call's own key, since nothing tells a waiting caller
 *       the contact's id — and the caller waits on hold (music, announcements) once the server
 *       plays music; no music within 30 s: the caller hangs up and counts the call as the server
 *       decided it (a contact it abandoned if the IVR had opened one, else none: {@link
 *       #hangUpBeforeMusic});
 *   <li>the server dials an operator's device: {@code Dial}'s {@code U()} option names the contact
 *       and the operator, and the ledger's entry moves to the contact's id; the operator's phone
 *       is picked up at once if that operator is at work (busy while they talk on another call:
 *       BUSY), else rings out (NOANSWER; the server
 *       declines and the caller keeps their place); the server may still refuse the answer (its
 *       {@code answered} script sets BUSY when the offer expired meanwhile): the caller keeps
 *       waiting; only a bridged call is answered ({@link SimulatedOperator#pickUp}), when the
 *       operator's leg script ended (the server had journaled the answer);
 *   <li>answered: the operator talks for their handle time and hangs up their phone (the caller's
 *       {@code Dial} returns 0, as in capture 03a; the server says goodbye, hangs up and wraps up);
 *   <li>patience out, or the day's end ({@link SimulationLedger#closeDay}), while still waiting
 *       (also between rings): the caller hangs up (the unsolicited
 *       {@code HANGUP}, capture 02) and the server abandons the contact;
 *   <li>a call the IVR ends before music (no queue for the language, intake refused) is a refused
 *       contact; a call the server does not take (port closed) a call error;
 *   <li>a call the IVR ends with {@code lines-busy} (the server's call lane was full: nothing of it
 *       was stored) returns {@link Outcome#BUSY} and the caller calls again ({@link Redials}).
 * </ol>
 *
 * One instance per call; {@link #run} blocks its (virtual) thread while the call lasts; the
 * caller's socket is read on a thread of the {@link FastAgiCaller}.
 */
final class VoiceCitizen {

  /** How the call ended for the caller. */
  enum Outcome {
    /** Heard {@code lines-busy} and was hung up before any queue: not a contact; may call again. */
    BUSY,
    /** Anything else: on hold and then answered or hung up, refused, or failed (counted in the ledger). */
    DONE
  }

  /** How long a caller waits for the IVR's music (its menus and its intake) before hanging up; see {@link #hangUpBeforeMusic}. */
  static final Duration IVR_WITHIN = Duration.ofSeconds(30);
  /**
   * How long a caller who hung up before the music waits for the server to end the session (it
   * hears of the hang-up at its next command, after the intake it was in): then the call's count is
   * the server's decision. Longer than an intake may take under load; then the simulator's timeout.
   */
  private static final Duration VERDICT_WITHIN = Duration.ofSeconds(120);
  /**
   * How long a caller whose patience ran out waits for a phone that is ringing to be answered or
   * refused before hanging up. Either way the call counts as the server's {@code answered} script
   * ends it: answered when bridged (routing journaled the accept, {@link #dialled}, even after the
   * hang-up), abandoned when refused; the server counts it the same (its script waits for what
   * routing journals, not for a reply within 10 s: session 14's Seoul B2 split 5 calls so). 30 s,
   * as long as a request; it was 10 s.
   */
  private static final Duration RING_RESOLVES_WITHIN = Duration.ofSeconds(30);
  /**
   * How often a caller on hold looks for the music or a hang-up. Its wait is stamped at the menu
   * key ({@link #key}), not here; it was 2 ms, 500 wake-ups a second per caller on hold.
   */
  private static final long HOLD_POLL_MS = 20;
  private static final List<String> LANGUAGE_DIGITS = List.of("ko", "en", "zh", "ja", "vi", "mn");
  /** One run of the simulator: uniqueids like Asterisk's, epoch seconds then a sequence number. */
  private static final long RUN = Instant.now().getEpochSecond();

  private final SimulationLedger ledger;
  private final DoubleSupplier traceClock;
  private final double speedup;
  private final Function<String, SimulatedOperator> operators;
  private final Duration ivrWithin;
  private final CompletableFuture<Void> answered = new CompletableFuture<>();
  private final Object lock = new Object();
  private String key;
  private Arrival arrival;
  private volatile FastAgiCaller caller;
  /** Guarded by {@link #lock}: hung up while waiting, so no later Dial is answered. */
  private boolean gone;
  /**
   * Guarded by {@link #lock}: the call's contact id once a ring named it (the ledger's entry moved
   * there: a hang-up after a ring that was not answered is the contact's, not the call key's; before,
   * it was lost and the call stayed waiting here while the server abandoned it).
   */
  private String contact;
  /** Guarded by {@link #lock}: the ledger has this call. */
  private boolean opened;
  /** Guarded by {@link #lock}: the operator whose phone was picked up while the Dial completes. */
  private SimulatedOperator ringing;

  VoiceCitizen(SimulationLedger ledger, DoubleSupplier traceClock, double speedup,
      Function<String, SimulatedOperator> operators) {
    this(ledger, traceClock, speedup, operators, IVR_WITHIN);
  }

  /** A caller who hangs up when the IVR's music has not come within {@code ivrWithin} of wall time. */
  VoiceCitizen(SimulationLedger ledger, DoubleSupplier traceClock, double speedup,
      Function<String, SimulatedOperator> operators, Duration ivrWithin) {
    this.ledger = ledger;
    this.traceClock = traceClock;
    this.speedup = speedup;
    this.operators = operators;
    this.ivrWithin = ivrWithin;
  }

  /** Phones the server's FastAGI port as call {@code n} (cases 1 to 7); returns when the call ended. */
  Outcome run(String host, int port, Arrival arrival, long n, double patienceSeconds) {
    this.arrival = arrival;
    this.key = "call:" + n;
    try {
      caller = FastAgiCaller.call(InetAddress.getByName(host), port, FastAgiCaller.environment(
          String.format("PJSIP/citizen-%08x", n), RUN + "." + n, Simulation.phoneOf(arrival.citizen()), "ivr"))
          .answerMenus(this::key).onRing(this::ring).onDialled(this::dialled).start();
    } catch (UnknownHostException e) {
      ledger.errors.increment();
      return Outcome.DONE;
    } catch (IOException e) {
      ledger.errors.increment();
      return Outcome.DONE;
    }
    try (FastAgiCaller call = caller) {
      Outcome held = onHold(call);
      if (held != null) {
        return held;
      }
      try {
        CompletableFuture.anyOf(answered, ledger.dayOver).get((long) (patienceSeconds * 1000 / speedup),
            TimeUnit.MILLISECONDS);
      } catch (TimeoutException patienceOut) {
        // hangs up now
      }
      if (!answered.isDone()) {
        giveUp(call);
      }
      awaitEnd(call);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | IOException e) {
      ledger.errors.increment();
    } finally {
      dropUnresolvedRing();
    }
    return Outcome.DONE;
  }

  /** A phone picked up whose Dial never ended here (the call's socket closed first) is free again. */
  private void dropUnresolvedRing() {
    synchronized (lock) {
      if (ringing != null) {
        ringing.ringDropped();
        ringing = null;
      }
    }
  }

  /**
   * Case 2: opened under the call's key once music plays (null: go on waiting); else how the call
   * ended first: busy (case 7) or refused (counted).
   */
  private Outcome onHold(FastAgiCaller call) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + ivrWithin.toNanos();
    while (System.nanoTime() < deadline) {
      if (heardMusic(call)) {
        synchronized (lock) {
          open();
        }
        return null;
      }
      if (call.closedByServer()) {
        if (call.texts().stream().anyMatch(t -> t.startsWith("STREAM FILE") && t.contains("/lines-busy"))) {
          return Outcome.BUSY;
        }
        ledger.rejected.increment();
        return Outcome.DONE;
      }
      TimeUnit.MILLISECONDS.sleep(HOLD_POLL_MS);
    }
    return hangUpBeforeMusic(call);
  }

  /**
   * Case 2a: no music and no hang-up within {@link #ivrWithin} (the IVR's menus or its intake fell
   * behind, or this simulator did): the caller hangs up on the session as Asterisk does (the
   * unsolicited {@code HANGUP}; every later media command answers 511) and keeps the socket until
   * the server ends the session, to learn what it decided. Its music still came (the IVR had opened
   * the contact: {@code StartMusicOnHold} is the first command after the intake): the call is a
   * contact the caller abandoned, as the server journals it. The session ended without music: no
   * contact on either side (a hang-up in the menus, or {@code lines-busy}), the simulator's
   * timeout. Before, the caller closed its socket and counted nothing while the server journaled
   * the contact and its abandon (New York at 100×: 2,001 calls more on the server's side).
   */
  private Outcome hangUpBeforeMusic(FastAgiCaller call) throws IOException, InterruptedException {
    double hungUpAt = traceClock.getAsDouble();
    synchronized (lock) {
      gone = true;
    }
    call.hangUp();
    if (!call.closedWithin(VERDICT_WITHIN) || !heardMusic(call)) {
      ledger.timedOut();
      return Outcome.DONE;
    }
    synchronized (lock) {
      open();
      double openedAt = acknowledgedAt(call.commands());
      ledger.abandoning(contact == null ? key : contact, Math.max(hungUpAt, openedAt));
    }
    return Outcome.DONE;
  }

  private static boolean heardMusic(FastAgiCaller call) {
    return call.texts().stream().anyMatch(t -> t.startsWith("EXEC StartMusicOnHold"));
  }

  /**
   * Case 5: hangs up unless an operator answered meanwhile; a phone that is ringing now is picked
   * up or refused within milliseconds, so the caller hears that first.
   */
  private void giveUp(FastAgiCaller call) throws IOException, InterruptedException {
    synchronized (lock) {
      long deadline = System.nanoTime() + RING_RESOLVES_WITHIN.toNanos();
      while (ringing != null && System.nanoTime() < deadline) {
        lock.wait(10);
      }
      if (answered.isDone()) {
        return;
      }
      gone = true;
      ledger.abandoning(contact == null ? key : contact, traceClock.getAsDouble());
    }
    call.hangUp();
  }

  /**
   * Until the server closed the caller's socket (it hangs up after the operator, or on our hang-up),
   * woken by the close itself (no polling: a thousand callers polling every 20 ms took the
   * simulator's two carrier threads at New York's morning peak); at most {@link
   * ChatCitizen#CONVERSATION_TRACE_S} trace seconds plus 30 s, then the simulator's timeout.
   */
  private void awaitEnd(FastAgiCaller call) throws InterruptedException {
    try {
      call.awaitClosed(Duration.ofMillis((long) (ChatCitizen.CONVERSATION_TRACE_S * 1000 / speedup))
          .plus(IVR_WITHIN));
    } catch (AssertionError stillOpen) { // the testkit's "not closed within"
      ledger.timedOut();
    }
  }

  /** Case 1: the key for each menu (by the prompt the {@code GET DATA} plays). */
  private String key(String getData) {
    if (getData.contains("/language-menu")) {
      int digit = LANGUAGE_DIGITS.indexOf(arrival.language());
      return String.valueOf(digit < 0 ? 1 : digit + 1);
    }
    return getData.contains("/main-menu") ? "1" : "0";
  }

  /**
   * Case 2: the ledger's entry, once (guarded by {@link #lock}): when music was seen, or at the
   * first ring if the server dialled an operator before this thread saw the music; opened at the
   * first command after the last {@code GET DATA} (now if none came yet).
   */
  private void open() {
    if (!opened) {
      opened = true;
      ledger.callOpened(key, acknowledgedAt(caller == null ? List.of() : caller.commands()));
    }
  }

  /** The trace second the server's first command after the last {@code GET DATA} came, else now. */
  private double acknowledgedAt(List<FastAgiCaller.Command> commands) {
    long now = System.nanoTime();
    for (int i = commands.size() - 2; i >= 0; i--) {
      if (commands.get(i).text().startsWith("GET DATA")) {
        return traceClock.getAsDouble() - (now - commands.get(i + 1).atNanos()) / 1e9 * speedup;
      }
    }
    return traceClock.getAsDouble();
  }

  /** Case 3: the operator's phone rings; it is picked up if that operator is at work. */
  private DialOutcome ring(Ring ring) {
    synchronized (lock) {
      open();
      if (ring.contact() != null) {
        ledger.callIsContact(key, ring.contact());
        contact = ring.contact();
      }
      SimulatedOperator operator = ring.agent() == null ? null : operators.apply(ring.agent());
      if (gone || answered.isDone() || operator == null || !operator.running() || ring.contact() == null) {
        return DialOutcome.NOANSWER;
      }
      if (operator.onCall()) {
        return DialOutcome.BUSY; // a phone already on a call
      }
      operator.phonePickedUp();
      ringing = operator;
      return DialOutcome.ANSWER;
    }
  }

  /**
   * Case 3–4: how the Dial ended. Bridged: answered when the phone was picked up, and the operator
   * talks; refused by the server (its {@code answered} script said BUSY: the offer had expired):
   * the caller is still waiting.
   */
  private void dialled(Ring ring, DialOutcome outcome) {
    synchronized (lock) {
      SimulatedOperator operator = ringing;
      ringing = null;
      if (outcome == DialOutcome.ANSWER && operator != null) {
        ledger.answered(ring.contact(), traceClock.getAsDouble());
        if (gone) {
          operator.pickUpAfterCallerLeft(ring.contact()); // bridged to nobody: answered, no talk
        } else {
          operator.pickUp(ring.contact(), caller::operatorLeaves);
        }
        answered.complete(null);
      } else if (operator != null) {
        operator.ringDropped();
      }
      lock.notifyAll();
    }
  }
}
