package org.onenumber.telephony.asterisk;

import java.time.Instant;
import java.util.List;
import org.onenumber.core.contact.ContactId;

/**
 * The calls this node carries on Asterisk, kept durably, so that after a server restart the calls
 * of the previous run can be found again ({@link RestartSweep}): each row is a call's contact, caller
 * channel, uniqueid, linkedid, the operator leg once one is dialled, and when it was opened. Written
 * by {@link AsteriskCalls} on its own writer thread; implementations may block.
 */
public interface CarriedCalls {

  /** Nothing kept: a restart forgets every call (tests, and a node without a database). */
  CarriedCalls NONE = new CarriedCalls() {
    @Override
    public void opened(AsteriskCalls.Call call, Instant at) { }

    @Override
    public void agentLeg(ContactId contact, String agentChannel) { }

    @Override
    public void closed(ContactId contact) { }

    @Override
    public List<AsteriskCalls.Call> openedBefore(Instant instant) {
      return List.of();
    }
  };

  void opened(AsteriskCalls.Call call, Instant at);

  /** Records (or clears, with null) the operator leg of {@code contact}'s call. */
  void agentLeg(ContactId contact, String agentChannel);

  void closed(ContactId contact);

  /** The calls kept that were opened before {@code instant} (by an earlier run of the server). */
  List<AsteriskCalls.Call> openedBefore(Instant instant);
}
