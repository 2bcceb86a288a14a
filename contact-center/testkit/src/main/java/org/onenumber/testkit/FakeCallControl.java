package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CallControl;

/**
 * Records every call-control request as a line such as {@code callback c1 +8210... a1} or {@code
 * hold c1}. Carries the contacts given to {@link #carry} (and every callback it placed). Thread-safe.
 */
public final class FakeCallControl implements CallControl {

  private final List<String> requests = new ArrayList<>();
  private final Set<ContactId> carried = new HashSet<>();

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
  public synchronized void hangUp(ContactId contact) {
    carried.remove(contact);
    requests.add("hangup " + contact);
  }

  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }
}
