package org.onenumber.server.welfare;

import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.OutboundCall;
import org.onenumber.server.telephony.CallControls;

/**
 * The carriers as the welfare program sees them: a call is carried when any carrier carries it,
 * and a check-in is originated by the carrier that dials callbacks
 * ({@code onenumber.telephony.callback-carrier}). No carrier configured → a retriable failure, so
 * dialing pauses until one is. The program uses nothing else. Thread-safe.
 */
final class OutboundCarrier implements CallControl {

  private final CallControls carriers;

  OutboundCarrier(CallControls carriers) {
    this.carriers = carriers;
  }

  @Override
  public boolean carries(ContactId contact) {
    return carriers.carrierOf(contact).isPresent();
  }

  @Override
  public void originate(OutboundCall call) {
    carriers.forCallbacks().orElseThrow(() -> new RetriableException("no carrier is configured", null))
        .originate(call);
  }

  @Override
  public void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent) {
    throw new UnsupportedOperationException("the welfare program places no callbacks");
  }

  @Override
  public void hold(ContactId contact) {
    throw new UnsupportedOperationException("the welfare program does not hold calls");
  }

  @Override
  public void resume(ContactId contact) {
    throw new UnsupportedOperationException("the welfare program does not resume calls");
  }

  @Override
  public void requeue(ContactId contact) {
    throw new UnsupportedOperationException("the welfare program does not requeue calls");
  }

  @Override
  public void transfer(ContactId contact, String destination) {
    throw new UnsupportedOperationException("the welfare program does not transfer calls");
  }

  @Override
  public void conference(ContactId contact, String thirdParty) {
    throw new UnsupportedOperationException("the welfare program does not conference calls");
  }

  @Override
  public void hangUp(ContactId contact) {
    carriers.carrierOf(contact).ifPresent(c -> c.hangUp(contact));
  }
}
