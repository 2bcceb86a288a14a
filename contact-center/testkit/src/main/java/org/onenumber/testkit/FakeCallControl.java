package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.out.CallControl;
import org.onenumber.core.port.out.OutboundCall;

/**
 * Records every call-control request as a line such as {@code callback c1 +8210... a1} or {@code
 * hold c1}. Carries the contacts given to {@link #carry} (and every callback it placed). Thread-safe.
 */
public final class FakeCallControl implements CallControl {

  private final List<String> requests = new ArrayList<>();
  private final Set<ContactId> carried = new HashSet<>();
  private final List<OutboundCall> originated = new ArrayList<>();
  private boolean down;

  /** From now on this fake carries {@code contact}'s call. */
  public synchronized FakeCallControl carry(ContactId contact) {
    carried.add(contact);
    return this;
  }

  @Override
  public synchronized boolean carries(ContactId contact) {
    return carried.contains(contact);
  }

  @Override
  public synchronized void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent) {
    carried.add(contact);
    requests.add("callback " + contact + " " + citizen.value() + " " + agent);
  }

  @Override
  public synchronized void hold(ContactId contact) {
    requests.add("hold " + contact);
  }

  @Override
  public synchronized void resume(ContactId contact) {
    requests.add("resume " + contact);
  }

  @Override
  public synchronized void requeue(ContactId contact) {
    requests.add("requeue " + contact);
  }

  @Override
  public synchronized void transfer(ContactId contact, String destination) {
    requests.add("transfer " + contact + " " + destination);
  }

  @Override
  public synchronized void conference(ContactId contact, String thirdParty) {
    requests.add("conference " + contact + " " + thirdParty);
  }

  @Override
  public synchronized void consult(ContactId contact, String destination) {
    requests.add("consult " + contact + " " + destination);
  }

  @Override
  public synchronized void completeConsult(ContactId contact) {
    requests.add("complete-consult " + contact);
  }

  @Override
  public synchronized void cancelConsult(ContactId contact) {
    requests.add("cancel-consult " + contact);
  }

  @Override
  public synchronized void hangUp(ContactId contact) {
    carried.remove(contact);
    requests.add("hangup " + contact);
  }

  /**
   * Records {@code originate <contact> <phone> <language> <script>} and carries the call until
   * {@link #end}; while {@link #down} is set, refuses with a {@link RetriableException} instead.
   */
  @Override
  public synchronized void originate(OutboundCall call) {
    if (down) {
      throw new RetriableException("the fake carrier is down", null);
    }
    carried.add(call.contact());
    originated.add(call);
    requests.add("originate " + call.contact() + " " + call.to().value() + " " + call.language().code() + " "
        + call.script());
  }

  /** The carrier's call for {@code contact} is over (its outcome was reported). */
  public synchronized void end(ContactId contact) {
    carried.remove(contact);
  }

  /** Simulates a carrier outage ({@code true}) and its end. */
  public synchronized void down(boolean isDown) {
    this.down = isDown;
  }

  /** Every call originated so far, oldest first. */
  public synchronized List<OutboundCall> originated() {
    return List.copyOf(originated);
  }

  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }
}
