package org.onenumber.telephony.asterisk;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.asteriskjava.manager.ResponseEvents;
import org.asteriskjava.manager.action.CoreShowChannelsAction;
import org.asteriskjava.manager.action.HangupAction;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.routing.RoutingCommand;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After every AMI login (first connect, reconnect, Asterisk restart): asks {@code CoreShowChannels}
 * (capture 07a) which channels are up and compares with {@link AsteriskCalls}, so no call is
 * orphaned or counted twice:
 *
 * <ol>
 *   <li>A carried call whose caller channel is gone ended while AMI was away: its session is told to
 *       hang up, the call leaves the registry and routing gets {@code Abandon} (which ends a waiting
 *       or a connected contact and is ignored for one already ended, so a session that reported the
 *       end itself is not counted twice).
 *   <li>A carried call whose operator leg is gone keeps its caller; the leg is cleared.
 *   <li>Callbacks whose operator channel is gone are over ({@link CallbackDials#reconcile}).
 *   <li>Channels up that no call knows (other dialplan traffic, calls of another node) are counted
 *       and logged, never adopted — except the calls of this node's previous run, which the {@link
 *       RestartSweep} takes back or ends first (its case 2), on the first reconcile after start.
 * </ol>
 * Runs on the {@code ami-link} thread (it blocks for the list); a failure is logged and the next
 * connect tries again.
 */
final class CallReconciler implements Consumer<AmiLink> {

  private static final Logger LOG = LoggerFactory.getLogger(CallReconciler.class);

  /** What one reconcile found. */
  record Outcome(int live, int ended, int legsCleared, int untracked) {}

  private final AsteriskCalls calls;
  private final RouteContact routing;
  private final CallbackDials callbacks;
  private final RestartSweep sweep;
  private volatile Outcome last;

  CallReconciler(AsteriskCalls calls, RouteContact routing, CallbackDials callbacks, RestartSweep sweep) {
    this.calls = calls;
    this.routing = routing;
    this.callbacks = callbacks;
    this.sweep = sweep;
  }

  @Override
  public void accept(AmiLink link) {
    List<LiveChannel> channels = new ArrayList<>();
    try {
      ResponseEvents events = link.sendAndCollect(new CoreShowChannelsAction());
      events.getEvents().forEach(e -> {
        if (e instanceof CoreShowChannelEvent c && c.getChannel() != null) {
          channels.add(new LiveChannel(c.getChannel(), c.getUniqueid(), c.getLinkedid(), c.getBridgeid()));
        }
      });
    } catch (Exception e) {
      LOG.warn("reconcile skipped: CoreShowChannels failed: {}", e.toString());
      return;
    }
    if (sweep != null) {
      sweep.reconcile(channels, channel -> link.send(new HangupAction(channel, 16), r -> { }));
    }
    Set<String> live = new HashSet<>();
    channels.forEach(c -> live.add(c.channel()));
    last = reconcile(live);
    LOG.info("AMI reconcile: {}", last);
  }

  Outcome reconcile(Set<String> live) {
    int ended = 0;
    int cleared = 0;
    Set<String> known = new HashSet<>();
    for (AsteriskCalls.Call call : calls.all()) {
      known.add(call.callerChannel());
      if (!live.contains(call.callerChannel())) {
        RoutingCommand end = calls.adopted(call.contact())
            ? new RoutingCommand.Abandon(call.contact(), RestartSweep.ENDED) : new RoutingCommand.Abandon(call.contact());
        calls.signal(call.contact(), new CallSignal.HangUp());
        calls.close(call.contact(), routing.routeUntilJournaled(end));
        ended++;
      } else if (call.agentChannel() != null && !live.contains(call.agentChannel())) {
        calls.agentLeg(call.contact(), null);
        cleared++;
      } else if (call.agentChannel() != null) {
        known.add(call.agentChannel());
      }
    }
    callbacks.reconcile(live);
    int untracked = (int) live.stream().filter(c -> !known.contains(c)).count();
    return new Outcome(live.size(), ended, cleared, untracked);
  }

  /** The last reconcile's outcome, or null before the first. */
  Outcome last() {
    return last;
  }
}
