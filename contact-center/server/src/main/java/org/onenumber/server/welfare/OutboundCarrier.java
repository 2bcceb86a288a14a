package org.onenumber.server.welfare;

import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.OutboundCall;
import org.onenumber.server.telephony.CallControls;

/**
 * The carriers as one {@link CallControl}, as the welfare program and the happy-call IVR see them: an action on a call
 * goes to the carrier carrying it ({@link CallControls#require}: none → {@code NoCallException});
 * a check-in or a callback is placed by the carrier that dials callbacks
 * ({@code onenumber.telephony.callback-carrier}). No carrier configured → a retriable failure, so
 * dialing pauses until one is. Thread-safe.
 */
public final class OutboundCarrier implements CallControl {

  private final CallControls carriers;

  public OutboundCarrier(CallControls carriers) {
    this.carriers = carriers;
  }

  @Override
  public boolean carries(ContactId contact) {
    return carriers.carrierOf(contact).isPresent();
  }

  @Override
  public void originate(OutboundCall call) {
    dialer().originate(call);
  }

  @Override
  public void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent) {
    dialer().placeCallback(contact, citizen, agent);
  }

  @Override
  public void hold(ContactId contact) {
    carriers.require(contact).hold(contact);
  }

  @Override
  public void resume(ContactId contact) {
    carriers.require(contact).resume(contact);
  }

  @Override
  public void requeue(ContactId contact) {
    carriers.require(contact).requeue(contact);
  }

  @Override
  public void transfer(ContactId contact, String destination) {
    carriers.require(contact).transfer(contact, destination);
  }

  @Override
  public void conference(ContactId contact, String thirdParty) {
    carriers.require(contact).conference(contact, thirdParty);
  }

  @Override
  public void consult(ContactId contact, String destination) {
    carriers.require(contact).consult(contact, destination);
  }

  @Override
  public void completeConsult(ContactId contact) {
    carriers.require(contact).completeConsult(contact);
  }

  @Override
  public boolean consultPartyLeft(ContactId contact) {
    return carriers.require(contact).consultPartyLeft(contact);
  }

  @Override
  public void cancelConsult(ContactId contact) {
    carriers.require(contact).cancelConsult(contact);
  }

  @Override
  public void hangUp(ContactId contact) {
    carriers.carrierOf(contact).ifPresent(c -> c.hangUp(contact));
  }

  private CallControl dialer() {
    return carriers.forCallbacks().orElseThrow(() -> new RetriableException("no carrier is configured", null));
  }
}
