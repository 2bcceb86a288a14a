package org.onenumber.telephony.asterisk;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.asteriskjava.fastagi.AgiException;
import org.asteriskjava.fastagi.AgiHangupException;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Conducts a call that is a contact in line, on the session thread that holds the caller's channel:
 * cases 6–13 of the call flow in the package documentation, each marked in the code. It takes
 * {@link CallSignal}s from the call's mailbox in {@link AsteriskCalls} and, between signals, checks
 * every {@code hangupProbe} that the caller is still there ({@code CHANNEL STATUS}); while AMI is
 * logged in and reports hang-ups itself ({@link AsteriskCalls#hangupsWatched()}) only every {@value
 * #WATCHED_PROBE_FACTOR}th probe is sent, so 500 waiting calls cost 250 rather than 1,000 AGI
 * commands a second. Not thread-safe (one per call).
 */
final class CallConductor {

  private static final Logger LOG = LoggerFactory.getLogger(CallConductor.class);
  /** How much longer between hang-up probes while AMI watches hang-ups. */
  static final int WATCHED_PROBE_FACTOR = 4;

  /** Where the call is, which decides what a hang-up means. */
  private enum Phase {
    WAITING,
    CONNECTED,
    ENDED
  }

  private final Ivr ivr;
  private final AgiLine line;
  private final ContactId contact;
  private final Language language;
  private final Deque<CallSignal> later = new ArrayDeque<>();
  private Phase phase = Phase.WAITING;
  /** The end reported to routing: settled once journaled (or refused); until then a restart finds the call's row. */
  private CompletionStage<?> reported = CompletableFuture.completedFuture(null);

  CallConductor(Ivr ivr, AgiLine line, ContactId contact, Language language) {
    this.ivr = ivr;
    this.line = line;
    this.contact = contact;
    this.language = language;
  }

  void conduct() throws AgiException {
    try {
      line.startMusic(ivr.settings().mohClass());
      waitInLine();
    } catch (AgiHangupException e) {
      callerGone();
    }
  }

  /**
   * Case 14: a call adopted after a restart, back in a session ({@link RejoinedCall}): connected, the
   * operator control that brought it here waiting in the mailbox; then as any call.
   */
  void rejoin() throws AgiException {
    phase = Phase.CONNECTED;
    try {
      connected(false);
      waitInLine();
    } catch (AgiHangupException e) {
      callerGone();
    }
  }

  /** Case 6: music on hold; signals from routing and operators; hang-up checks in between. */
  private void waitInLine() throws AgiException {
    while (phase == Phase.WAITING) {
      CallSignal signal = next(hangupProbe());
      if (signal == null) {
        if (!line.isUp()) {
          callerGone();
        }
        continue;
      }
      switch (signal) {
        case CallSignal.Routed(QueuePositionChanged position, var queued, var routed) -> announce(position);
        case CallSignal.Routed(ContactStateChanged moved, var queued, var routed) when moved.to() == ContactState.OFFERED
            && moved.agent() != null -> offered((CallSignal.Routed) signal, moved.agent());
        case CallSignal.Routed(ContactStateChanged moved, var queued, var routed) when moved.to().isTerminal() -> end(true);
        case CallSignal.Transfer(String destination) -> transfer(destination);
        case CallSignal.HangUp() -> hangUp();
        default -> { }
      }
    }
  }

  /** Case 6a: the engine's position and estimated wait, in the caller's language. */
  private void announce(QueuePositionChanged position) throws AgiException {
    line.stopMusic();
    line.play(Prompt.POSITION, language);
    line.sayNumber(position.position());
    line.play(Prompt.ESTIMATED_WAIT, language);
    line.sayNumber(Math.max(1, (position.estimatedWait().toSeconds() + 59) / 60));
    line.play(Prompt.MINUTES, language);
    line.startMusic(ivr.settings().mohClass());
  }

  /**
   * Case 6b: an offer taken from the mailbox. Case 6d: if routing has already moved the contact on
   * (a later state change, e.g. the offer's expiry back to QUEUED, waits in the mailbox behind it:
   * the session was announcing the position, or several signals queued), the offer is stale and
   * not dialled; the later signals follow in order. Else case 7.
   */
  private void offered(CallSignal.Routed offer, AgentId agent) throws AgiException {
    long taken = System.nanoTime();
    RingTimings timings = ivr.calls().ringTimings();
    timings.record(RingTimings.Stage.MAILBOX, taken - offer.queuedNanos());
    if (offer.routedNanos() > 0) {
      timings.record(RingTimings.Stage.ROUTED, offer.routedNanos());
    }
    if (supersededInMailbox()) {
      LOG.debug("call {}: the offer to {} was withdrawn while it waited in the mailbox; not dialled", contact, agent);
      timings.skipped(RingTimings.Skipped.STALE);
      return;
    }
    ring(agent, offer.queuedNanos(), taken);
  }

  /** True when a later change of the contact's state waits behind the offer just taken. */
  private boolean supersededInMailbox() {
    ivr.calls().drainTo(contact, later);
    return later.stream().anyMatch(s -> s instanceof CallSignal.Routed r && r.event() instanceof ContactStateChanged);
  }

  /**
   * Case 7: ring the offered operator's device with {@code Dial}; its {@code U()} option runs the
   * {@code answered} script on the operator's leg (case 7a, {@link AnsweredLeg}).
   */
  private void ring(AgentId agent, long queuedNanos, long takenNanos) throws AgiException {
    String device = ivr.devices().deviceOf(agent).orElse(null);
    if (device == null) {
      // Case 7d: the operator has no device: decline at once, the caller keeps their place.
      LOG.warn("operator {} has no device; declined", agent);
      ivr.tell(new RoutingCommand.Decline(agent, contact, "no-device"));
      return;
    }
    line.stopMusic();
    String answered = "U(" + ivr.settings().answeredContext() + "^" + contact + "^" + agent + ")";
    String legBefore = agentLeg();
    long dialled = System.nanoTime();
    ivr.calls().ringTimings().record(RingTimings.Stage.DIAL, dialled - takenNanos);
    ivr.calls().ringing(contact, new AsteriskCalls.Ring(queuedNanos, dialled));
    AgiLine.DialResult dial;
    try {
      dial = line.dial(device, (int) ivr.settings().ringTimeout().toSeconds(), answered);
    } finally {
      ivr.calls().ringing(contact, null);
    }
    if (dial.answered() && Objects.equals(legBefore, agentLeg())) {
      // Case 7e: bridged, but the answered script never ran (its FastAGI connection failed): routing
      // never connected the operator. The caller is back in their place (routing's view), and the
      // offer goes back to the line without counting against the operator.
      LOG.warn("call {} was bridged to {} without the answered script; back in line", contact, agent);
      ivr.tell(new RoutingCommand.Decline(agent, contact, RoutingCommand.Decline.CALL_NOT_CONNECTED));
      if (dial.callerGone()) {
        callerGone();
      } else {
        line.startMusic(ivr.settings().mohClass());
      }
    } else if (dial.answered()) {
      phase = Phase.CONNECTED;
      connected(dial.callerGone());
    } else if (dial.callerGone()) {
      // Case 7c: the caller hung up while the operator's phone rang.
      callerGone();
    } else {
      // Case 7b: no answer, busy, unreachable: the caller keeps their place, music resumes at once.
      line.startMusic(ivr.settings().mohClass());
      ivr.tell(new RoutingCommand.Decline(agent, contact, dial.status().toLowerCase(Locale.ROOT)));
    }
  }

  /**
   * Case 8: connected. When {@code Dial}/{@code Bridge}/{@code ConfBridge} returns, either the caller
   * hung up (wrap-up), or the operator's leg was moved by a call control (cases 9–13, the signal
   * follows within {@code controlGrace}), or the operator hung up (goodbye, wrap-up).
   */
  private void connected(boolean callerGone) throws AgiException {
    boolean gone = callerGone;
    boolean held = false;
    while (phase == Phase.CONNECTED) {
      if (gone) {
        callerGone();
        return;
      }
      CallSignal control = control(held ? null : ivr.settings().controlGrace());
      held = control instanceof CallSignal.Hold;
      switch (control) {
        case null -> {
          line.play(Prompt.GOODBYE, language);
          end(true);
        }
        // Case 9: hold; the operator's leg waits in the hold context, the caller hears music.
        case CallSignal.Hold() -> line.startMusic(ivr.settings().mohClass());
        // Case 9a: resume; bridge the caller with the operator's waiting leg.
        case CallSignal.Resume(String agentChannel) -> {
          line.stopMusic();
          gone = !line.run("Bridge", agentChannel);
        }
        // Case 10: routing moved the contact: back in line (case 6), keeping the place routing gives.
        case CallSignal.Requeue() -> {
          phase = Phase.WAITING;
          line.startMusic(ivr.settings().mohClass());
        }
        case CallSignal.Transfer(String destination) -> transfer(destination);
        // Case 12: conference; the operator and the third party are in the room.
        case CallSignal.Conference(String room) -> gone = !line.run("ConfBridge", room);
        case CallSignal.HangUp() -> hangUp();
        case CallSignal.Routed(var ignored, var queued, var routed) -> { }
      }
    }
  }

  /** The operator leg recorded for this call (by {@link AnsweredLeg}), or null. */
  private String agentLeg() {
    return ivr.calls().byContact(contact).map(AsteriskCalls.Call::agentChannel).orElse(null);
  }

  /** Case 11: blind transfer out of the center; routing closes the contact as transferred. */
  private void transfer(String destination) throws AgiException {
    line.stopMusic();
    line.play(Prompt.TRANSFER, language);
    phase = Phase.ENDED;
    line.dial(destination, 0, null);
  }

  /** Case 13: the call is ended from the center's side. */
  private void hangUp() throws AgiException {
    end(false);
  }

  /** Ends the call from our side: wrap-up after a connection, abandon while waiting. */
  private void end(boolean sayGoodbye) throws AgiException {
    Phase was = phase;
    phase = Phase.ENDED;
    report(was);
    if (sayGoodbye && was == Phase.WAITING) {
      line.stopMusic();
      line.play(Prompt.GOODBYE, language);
    }
    line.hangUp();
  }

  /** Case 6c / 8: the caller hung up: abandon while waiting, wrap-up once connected. */
  private void callerGone() {
    Phase was = phase;
    phase = Phase.ENDED;
    report(was);
  }

  /**
   * Tells routing how the call ended without waiting for its journal ({@link Ivr#tellLater}): the
   * caller is gone (or being hung up), so nobody waits for the answer and the session ends at once.
   */
  private void report(Phase was) {
    switch (was) {
      case WAITING -> reported = ivr.tellLater(new RoutingCommand.Abandon(contact));
      case CONNECTED -> reported = ivr.tellLater(new RoutingCommand.WrapUp(contact, RoutingCommand.Outcome.RESOLVED));
      case ENDED -> { }
    }
  }

  /**
   * The session is over: the call leaves the registry now, its durable row ({@link CarriedCalls})
   * once routing journaled the end reported, so that a server that stops in between finds the call
   * at restart ({@link RestartSweep} case 1) and abandons its contact.
   */
  void closeCall() {
    ivr.calls().close(contact, reported);
  }

  /**
   * The next operator control within {@code grace} (null: until one comes, as on hold), checking
   * for a hang-up in between; routing events met on the way are kept for the waiting loop. Null
   * when none came in time.
   */
  private CallSignal control(Duration grace) throws AgiException {
    long deadline = grace == null ? Long.MAX_VALUE : System.nanoTime() + grace.toNanos();
    Deque<CallSignal> routed = new ArrayDeque<>();
    try {
      while (System.nanoTime() < deadline) {
        CallSignal signal = next(ivr.settings().hangupProbe());
        if (signal == null) {
          if (!line.isUp()) {
            throw new AgiHangupException();
          }
        } else if (signal instanceof CallSignal.Routed) {
          routed.add(signal);
        } else {
          return signal;
        }
      }
      return null;
    } finally {
      routed.descendingIterator().forEachRemaining(later::addFirst);
    }
  }

  /** Case 6's probe interval: the setting, or {@value #WATCHED_PROBE_FACTOR} times it while AMI watches hang-ups. */
  private Duration hangupProbe() {
    Duration probe = ivr.settings().hangupProbe();
    return ivr.calls().hangupsWatched() ? probe.multipliedBy(WATCHED_PROBE_FACTOR) : probe;
  }

  private CallSignal next(Duration wait) {
    CallSignal kept = later.pollFirst();
    if (kept != null) {
      return kept;
    }
    try {
      return ivr.calls().next(contact, wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new CallSignal.HangUp();
    }
  }
}
