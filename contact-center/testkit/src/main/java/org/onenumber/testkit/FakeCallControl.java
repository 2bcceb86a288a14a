package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CallControl;

/** Records every call-control request as a line such as {@code callback c1 +8210... a1}. Thread-safe. */
public final class FakeCallControl implements CallControl {

  private final List<String> requests = new ArrayList<>();

  @Override
  public synchronized void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent) {
    requests.add("callback " + contact + " " + citizen.value() + " " + agent);
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
    requests.add("hangup " + contact);
  }

  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }
}
