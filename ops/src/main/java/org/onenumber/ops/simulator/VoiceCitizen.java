package org.onenumber.ops.simulator;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.onenumber.testkit.AgiChannelReplies;
import org.onenumber.testkit.FastAgiCaller;
import org.onenumber.testkit.FastAgiCaller.DialOutcome;
import org.onenumber.testkit.FastAgiCaller.Ring;
import org.onenumber.testkit.FastAgiCalls;

/**
 * A citizen who phones the city's number: the call reaches the server's FastAGI IVR as Asterisk 22
 * would send it ({@link FastAgiCalls} replays the real captures of {@code shared/data/asterisk}:
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
 * One instance per call. It holds no thread (session 17; before, a virtual thread blocked on the
 * call and a reader thread per socket: New York's record day at 100× peaked at 7,603 threads): its
 * socket is one of the simulator's phone line ({@link FastAgiCalls}, one selector thread for every
 * call), and each wait is a continuation — the music, the server's close and the ring's end are
 * futures completed on that thread, the patience and every bound a timer of {@link Waits}.
 * Guarded state is under {@link #lock}; what runs on the line's thread (the menus' keys, a ring, a
 * dial's end) never blocks.
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
  private static final List<String> LANGUAGE_DIGITS = List.of("ko", "en", "zh", "ja", "vi", "mn");
  /** One run of the simulator: uniqueids like Asterisk's, epoch seconds then a sequence number. */
  private static final long RUN = Instant.now().getEpochSecond();
  private static final CompletableFuture<Void> NOW = CompletableFuture.completedFuture(null);

  private final SimulationLedger ledger;
  private final DoubleSupplier traceClock;
  private final double speedup;
  private final Function<String, SimulatedOperator> operators;
  private final Duration ivrWithin;
  private final FastAgiCalls phoneLine;
  private final CompletableFuture<Void> answered = new CompletableFuture<>();
  /** The IVR's {@code EXEC StartMusicOnHold} came (completed on the phone line's thread). */
  private final CompletableFuture<Void> music = new CompletableFuture<>();
  private final Object lock = new Object();
  private String key;
  private Arrival arrival;
  private volatile FastAgiCalls.Call call;
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
  /** Guarded by {@link #lock}: completed when the Dial that {@link #ringing} picked up ended. */
  private CompletableFuture<Void> ringEnded = NOW;

  /** A caller who hangs up when the IVR's music has not come within {@code ivrWithin} of wall time. */
  VoiceCitizen(SimulationLedger ledger, DoubleSupplier traceClock, double speedup,
      Function<String, SimulatedOperator> operators, Duration ivrWithin, FastAgiCalls phoneLine) {
    this.ledger = ledger;
    this.traceClock = traceClock;
    this.speedup = speedup;
    this.operators = operators;
    this.ivrWithin = ivrWithin;
    this.phoneLine = phoneLine;
  }

  /**
   * Phones the server's FastAGI port {@code agi} as call {@code n} (cases 1 to 7) on the phone line;
   * completes when the call ended, every outcome in the ledger (a call the server does not take
   * counts as a call error); fails only on a defect.
   */
  CompletableFuture<Outcome> start(InetSocketAddress agi, Arrival arrival, long n, double patienceSeconds) {
    this.arrival = arrival;
    this.key = "call:" + n;
    AgiChannelReplies replies = new AgiChannelReplies(FastAgiCaller.environment(String.format("PJSIP/citizen-%08x", n),
        RUN + "." + n, Simulation.phoneOf(arrival.citizen()), "ivr"));
    replies.answerMenus(this::key);
    replies.onRing(this::ring);
    replies.onDialled(this::dialled);
    FastAgiCalls.Call line = phoneLine.call(agi, replies, command -> 0, command -> {
      if (command.text().startsWith("EXEC StartMusicOnHold")) {
        music.complete(null);
      }
    });
    call = line;
    return line.connected().handle((connected, refused) -> {
      if (refused != null) {
        ledger.errors.increment();
        return CompletableFuture.completedFuture(Outcome.DONE);
      }
      return onHold(line, patienceSeconds);
    }).thenCompose(Function.identity()).whenComplete((outcome, e) -> {
      dropUnresolvedRing();
      line.close();
    });
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
   * Case 2: opened under the call's key once music plays, then waits on hold (cases 3 to 5); else
   * how the call ended first: busy (case 7), refused (counted), or no music in time (case 2a).
   */
  private CompletableFuture<Outcome> onHold(FastAgiCalls.Call line, double patienceSeconds) {
    return Waits.untilOr(CompletableFuture.anyOf(music, line.closed()), ivrWithin.toMillis()).thenCompose(waited -> {
      if (music.isDone()) {
        synchronized (lock) {
          open();
        }
        return waitForOperator(line, patienceSeconds).thenApply(v -> Outcome.DONE);
      }
      if (line.closed().isDone()) {
        if (line.texts().stream().anyMatch(t -> t.startsWith("STREAM FILE") && t.contains("/lines-busy"))) {
          return CompletableFuture.completedFuture(Outcome.BUSY);
        }
        ledger.rejected.increment();
        return CompletableFuture.completedFuture(Outcome.DONE);
      }
      return hangUpBeforeMusic(line);
    });
  }

  /**
   * Cases 3 to 5 on hold: until an operator answered, the patience ran out or the day ended; then,
   * not answered, the caller gives up; either way until the server ends the call.
   */
  private CompletableFuture<Void> waitForOperator(FastAgiCalls.Call line, double patienceSeconds) {
    return Waits.untilOr(CompletableFuture.anyOf(answered, ledger.dayOver), (long) (patienceSeconds * 1000 / speedup))
        .thenCompose(waited -> answered.isDone() ? NOW
            : giveUp(line, System.nanoTime() + RING_RESOLVES_WITHIN.toNanos()))
        .thenCompose(gaveUp -> awaitEnd(line));
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
  private CompletableFuture<Outcome> hangUpBeforeMusic(FastAgiCalls.Call line) {
    double hungUpAt = traceClock.getAsDouble();
    synchronized (lock) {
      gone = true;
    }
    line.hangUp();
    return Waits.untilOr(line.closed(), VERDICT_WITHIN.toMillis()).thenApply(waited -> {
      if (!line.closed().isDone() || !music.isDone()) {
        ledger.timedOut("VOICE");
        return Outcome.DONE;
      }
      synchronized (lock) {
        open();
        double openedAt = acknowledgedAt(line.commands());
        ledger.abandoning(contact == null ? key : contact, Math.max(hungUpAt, openedAt));
      }
      return Outcome.DONE;
    });
  }

  /**
   * Case 5: hangs up unless an operator answered meanwhile; a phone that is ringing now is picked
   * up or refused within milliseconds, so the caller hears that first (until {@code deadlineNanos}).
   * Hanging up on a line the server already closed counts as a call error (as when the hang-up's
   * write failed on the reader thread's closed socket).
   */
  private CompletableFuture<Void> giveUp(FastAgiCalls.Call line, long deadlineNanos) {
    CompletableFuture<Void> ringEnds;
    synchronized (lock) {
      ringEnds = ringing == null ? null : ringEnded;
    }
    long left = deadlineNanos - System.nanoTime();
    if (ringEnds != null && left > 0) {
      return Waits.untilOr(ringEnds, Math.max(1, left / 1_000_000)).thenCompose(v -> giveUp(line, deadlineNanos));
    }
    synchronized (lock) {
      if (answered.isDone()) {
        return NOW;
      }
      gone = true;
      ledger.abandoning(contact == null ? key : contact, traceClock.getAsDouble());
    }
    if (line.closed().isDone()) {
      ledger.errors.increment();
    } else {
      line.hangUp();
    }
    return NOW;
  }

  /**
   * Until the server closed the caller's socket (it hangs up after the operator, or on our hang-up):
   * at most {@link ChatCitizen#CONVERSATION_TRACE_S} trace seconds plus 30 s, then the simulator's
   * timeout.
   */
  private CompletableFuture<Void> awaitEnd(FastAgiCalls.Call line) {
    long bound = (long) (ChatCitizen.CONVERSATION_TRACE_S * 1000 / speedup) + IVR_WITHIN.toMillis();
    return Waits.within(line.closed(), bound).handle((closed, stillOpen) -> {
      if (stillOpen != null) {
        ledger.timedOut("VOICE");
      }
      return null;
    });
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
   * Case 2: the ledger's entry, once (guarded by {@link #lock}): when music was heard, or at the
   * first ring if the server dialled an operator before the music's continuation ran; opened at
   * the first command after the last {@code GET DATA} (now if none came yet).
   */
  private void open() {
    if (!opened) {
      opened = true;
      FastAgiCalls.Call line = call;
      ledger.callOpened(key, acknowledgedAt(line == null ? List.of() : line.commands()));
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
      ringEnded = new CompletableFuture<>();
      return DialOutcome.ANSWER;
    }
  }

  /**
   * Case 3–4: how the Dial ended. Bridged: answered when the phone was picked up, and the operator
   * talks; refused by the server (its {@code answered} script said BUSY: the offer had expired):
   * the caller is still waiting.
   */
  private void dialled(Ring ring, DialOutcome outcome) {
    CompletableFuture<Void> ended;
    synchronized (lock) {
      SimulatedOperator operator = ringing;
      ringing = null;
      if (outcome == DialOutcome.ANSWER && operator != null) {
        ledger.answered(ring.contact(), traceClock.getAsDouble());
        if (gone) {
          operator.pickUpAfterCallerLeft(ring.contact()); // bridged to nobody: answered, no talk
        } else {
          operator.pickUp(ring.contact(), call::operatorLeaves);
        }
        answered.complete(null);
      } else if (operator != null) {
        operator.ringDropped();
      }
      ended = ringEnded;
    }
    ended.complete(null); // outside the lock: a caller giving up goes on from here
  }
}
