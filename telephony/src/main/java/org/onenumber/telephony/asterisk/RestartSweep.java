package org.onenumber.telephony.asterisk;

import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After a server restart: the VOICE contacts of the calls the previous run carried ({@link
 * CarriedCalls}) are ended or taken back, so that routing never offers an operator a call that no
 * longer exists. When the server stopped, every FastAGI socket closed; Asterisk then ran the rest of
 * the dialplan ({@code Hangup()}), except where the session was inside {@code EXEC Dial}/{@code
 * Bridge}, which goes on until someone hangs up. Hence the cases:
 *
 * <ol>
 *   <li>At start, a call of the earlier run with no operator leg (waiting, in the IVR's hands): its
 *       session is gone, so its caller was hung up. Routing gets {@code Abandon} with reason {@value
 *       #LOST} (the contact ends ABANDONED, or CLOSED for a callback) at once, without waiting for AMI.
 *   <li>At the first AMI reconcile ({@code CoreShowChannels}), a call with an operator leg:
 *       <ol type="a">
 *         <li>its caller channel (by uniqueid, since names restart with Asterisk) is gone:
 *             {@code Abandon} with reason {@value #LOST} (a connected contact ends CLOSED). Legs of
 *             the call still up — the operator's (same linkedid: in a consult room, a conference or
 *             the hold context) and every channel sharing a bridge with one of them (the consulted
 *             party of a consult, a conference's third party) — are hung up by AMI: nobody can
 *             take them back into a call, and a consult does not survive a restart;
 *         <li>the caller is in a bridge with a channel of the same linkedid (the operator's leg): the
 *             call is <i>adopted</i> into {@link AsteriskCalls} with that leg; AMI follows it from
 *             then on (its caller's {@code Hangup} ends the contact with reason {@value #ENDED});
 *         <li>the caller is up but not bridged with an operator (still ringing one, or elsewhere in
 *             the dialplan): nobody can conduct it any more, so AMI hangs the caller up and routing
 *             gets {@code Abandon} with reason {@value #LOST}.
 *       </ol>
 *   <li>A call of the earlier run is forgotten in {@link CarriedCalls} once ended (an adopted one when
 *       it ends).
 * </ol>
 * Calls opened by this run (after the sweep was made) are never touched. Case 1 runs on the caller's
 * thread; case 2 on the {@code ami-link} thread; both only hand commands to routing ({@code
 * routeUntilJournaled}: tried again until journaled). A call's row is forgotten only once its
 * contact's end is journaled, here as when a session ends ({@link AsteriskCalls#close(
 * org.onenumber.core.contact.ContactId, java.util.concurrent.CompletionStage)}): a server that stops
 * between a caller's hang-up and that journal finds the call at its next start (case 1, or case 2a
 * with an operator leg) and abandons the contact then.
 * Until AMI is up, the calls of case 2 stay as routing restored them (orphaned, not offered).
 */
public final class RestartSweep {

  /** The reason of a contact whose call was lost while no server carried it. */
  public static final String LOST = "call-lost-in-restart";
  /** The reason of an adopted call that ended normally. */
  public static final String ENDED = "call-ended";

  private static final Logger LOG = LoggerFactory.getLogger(RestartSweep.class);

  /** What the sweep did. */
  public record Outcome(int lost, int adopted, int waitingForAmi) {}

  private final CarriedCalls store;
  private final AsteriskCalls calls;
  private final RouteContact routing;
  private final java.time.Instant startedAt;
  private final List<AsteriskCalls.Call> pending = new ArrayList<>();
  private int lost;
  private int adopted;

  public RestartSweep(CarriedCalls store, AsteriskCalls calls, RouteContact routing, InstantSource clock) {
    this.store = store;
    this.calls = calls;
    this.routing = routing;
    this.startedAt = clock.instant();
  }

  /** Case 1; keeps the calls of case 2 for the first reconcile. */
  public synchronized Outcome start() {
    for (AsteriskCalls.Call call : store.openedBefore(startedAt)) {
      if (calls.byContact(call.contact()).isPresent()) {
        continue;
      }
      if (call.agentChannel() == null) {
        lose(call);
      } else {
        pending.add(call);
      }
    }
    Outcome outcome = outcome();
    LOG.info("Asterisk restart sweep at start: {}", outcome);
    return outcome;
  }

  /** Case 2, given the channels up; {@code hangUp} asks AMI to hang a channel up. */
  synchronized Outcome reconcile(List<LiveChannel> live, Consumer<String> hangUp) {
    for (AsteriskCalls.Call call : pending) {
      Optional<LiveChannel> caller = live.stream().filter(c -> call.uniqueId().equals(c.uniqueId())).findFirst();
      Optional<LiveChannel> leg = caller.filter(LiveChannel::bridged).flatMap(c -> live.stream()
          .filter(o -> !o.uniqueId().equals(c.uniqueId()) && call.linkedId().equals(o.linkedId())
              && c.bridgeId().equals(o.bridgeId()))
          .findFirst());
      if (leg.isPresent()) {
        calls.adopt(new AsteriskCalls.Call(call.contact(), caller.get().channel(), call.uniqueId(), call.linkedId())
            .withAgentChannel(leg.get().channel()));
        adopted++;
        LOG.info("call of {} still up after the restart: adopted ({} with {})", call.contact(),
            caller.get().channel(), leg.get().channel());
      } else {
        caller.ifPresentOrElse(c -> hangUp.accept(c.channel()), () -> legsLeft(call, live).forEach(hangUp));
        lose(call);
      }
    }
    pending.clear();
    Outcome outcome = outcome();
    LOG.info("Asterisk restart sweep after reconcile: {}", outcome);
    return outcome;
  }

  /** Case 2a: the live legs of a call whose caller is gone, and the channels bridged with them. */
  private static List<String> legsLeft(AsteriskCalls.Call call, List<LiveChannel> live) {
    List<LiveChannel> legs = live.stream().filter(c -> call.linkedId().equals(c.linkedId())).toList();
    java.util.Set<String> left = new java.util.LinkedHashSet<>();
    for (LiveChannel leg : legs) {
      left.add(leg.channel());
      if (leg.bridged()) {
        live.stream().filter(c -> leg.bridgeId().equals(c.bridgeId())).forEach(c -> left.add(c.channel()));
      }
    }
    if (!left.isEmpty()) {
      LOG.info("call of {} lost in the restart: its legs still up are hung up: {}", call.contact(), left);
    }
    return List.copyOf(left);
  }

  /** What the sweep did so far. */
  public synchronized Outcome outcome() {
    return new Outcome(lost, adopted, pending.size());
  }

  private void lose(AsteriskCalls.Call call) {
    lost++;
    // the row goes once the abandon is journaled: a restart before that sweeps the call again
    routing.routeUntilJournaled(new RoutingCommand.Abandon(call.contact(), LOST))
        .whenComplete((done, failure) -> calls.forget(call.contact()));
  }
}
