package org.onenumber.channels.call;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Whether this node is still a call's home ({@link CallClaims}), asked before the node sends a frame or a
 * journal step for it. A claim checked less than {@link #TRUSTED} ago is trusted without asking again: a take-over
 * happens only after Hazelcast dropped the home from the cluster, which for a frozen home takes its heartbeat
 * limit (60 s; a few seconds in the tests), far longer; and the wall clock runs on while a process is frozen, so
 * the first thing a woken home does for a call asks the claims again. A failed read keeps the call (logged): the
 * worst a stale home then does is a frame sent twice, while a home that gave its calls up at every database
 * hiccup would drop them all. A freeze that falls between the check and the journal step it allowed is caught by
 * routing: the step carries the call's claim ({@link Call#claim}, through {@link CallRouting}) and is written only
 * while the claim still holds, checked in the step's own transaction; the home hears false and gives the call up.
 * One between the check and a frame is not: the frame reaches only parties of the same call, changes nothing
 * durable, and the home's next act re-reads the claim (the clock ran on) and gives the call up. Thread-safe (a
 * call's check time is the call's).
 */
final class CallFence {

  /** How long a checked claim is trusted: well below any heartbeat limit a take-over waits for. */
  static final Duration TRUSTED = Duration.ofSeconds(1);
  private static final System.Logger LOG = System.getLogger(CallFence.class.getName());

  private final CallClaims claims;
  private final InstantSource clock;

  CallFence(CallClaims claims, InstantSource clock) {
    this.claims = claims;
    this.clock = clock;
  }

  /**
   * Claims {@code call} for this node (it starts or is rebuilt here). A failed write leaves the call unclaimed
   * (logged): it goes on here and is never fenced, rather than refused while the database is away.
   */
  void claim(Call call) {
    try {
      call.claimed(claims.claim(call.contact()), clock.instant());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "call " + call.contact().value() + ": its claim could not be written;"
          + " it is not fenced", e);
      call.claimed(null, clock.instant());
    }
  }

  /**
   * Whether this node is still {@code call}'s home (asks the claims when the last check is older than {@link
   * #TRUSTED}). A call not claimed yet (being started or rebuilt here, its claim on its way) is home: a membership
   * change read in that moment once gave such a call up.
   */
  boolean home(Call call) {
    Instant now = clock.instant();
    String claim = call.claim();
    if (claim == null || claim.isEmpty() || call.claimCheckedAfter(now.minus(TRUSTED))) {
      return true;
    }
    try {
      boolean holds = claims.holds(call.contact(), claim);
      if (holds) {
        call.claimChecked(now);
      } else {
        LOG.log(System.Logger.Level.INFO, "call " + call.contact().value()
            + ": another node claimed it (took it over while this node was frozen or cut off); given up here");
      }
      return holds;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "call " + call.contact().value() + ": its claim could not be read; kept", e);
      return true;
    }
  }

  /** Whether this node is still {@code call}'s home, asking the claims now (a membership change). */
  boolean homeNow(Call call) {
    call.claimChecked(Instant.MIN);
    return home(call);
  }

  /** {@code call} ended here: its claim goes. */
  void release(Call call) {
    if (call.claim() == null) {
      return;
    }
    try {
      claims.release(call.contact(), call.claim());
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "call " + call.contact().value() + ": its claim could not be dropped", e);
    }
  }
}
