package org.onenumber.telephony.asterisk;

import org.onenumber.core.event.DomainEvent;

/**
 * What a call's FastAGI session is told while it holds the caller's channel: a routing event about
 * its contact, or an operator's call control. The AMI side ({@code AsteriskCallControl}) first moves
 * or ends the operator's leg (which ends the session's running {@code Dial} or {@code Bridge}), then
 * signals the session, which does the caller's part on its own channel.
 */
public sealed interface CallSignal {

  /**
   * A routing event about the call's contact (offered to an operator, position in line, closed...),
   * put in the mailbox at {@code queuedNanos} ({@link System#nanoTime()}) and {@code routedNanos} of
   * wall time after routing decided it (0 when not known): the first two stages of {@link RingTimings}.
   */
  record Routed(DomainEvent event, long queuedNanos, long routedNanos) implements CallSignal {

    /** Put in the mailbox now; how long after routing's decision not known. */
    public Routed(DomainEvent event) {
      this(event, System.nanoTime(), 0);
    }
  }

  /** The operator put the caller on hold; the operator's leg waits in the hold context. */
  record Hold() implements CallSignal {}

  /** Back from hold: bridge the caller with the operator's waiting leg {@code agentChannel}. */
  record Resume(String agentChannel) implements CallSignal {}

  /** Routing moved the contact to another queue or operator; the caller waits again. */
  record Requeue() implements CallSignal {}

  /** Blind transfer of the caller to {@code destination} (a dial string outside routing). */
  record Transfer(String destination) implements CallSignal {}

  /** Join the caller to conference {@code room}, where the operator and a third party are. */
  record Conference(String room) implements CallSignal {}

  /** End the call. */
  record HangUp() implements CallSignal {}
}
