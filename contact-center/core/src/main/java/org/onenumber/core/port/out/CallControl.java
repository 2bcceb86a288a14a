package org.onenumber.core.port.out;

import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;

/**
 * Controls calls on the telephone network (Asterisk, Twilio Voice): place a callback, bridge an
 * agent, transfer, hang up. Calls are asynchronous; results come back as commands into the core.
 */
public interface CallControl {

  /** Places a call to the citizen and bridges it to the agent's device, for a queued callback. */
  void placeCallback(ContactId contact, CitizenIdentity.Phone citizen, AgentId agent);

  /** Moves a connected call to {@code destination} (a queue extension or a department desk number). */
  void transfer(ContactId contact, String destination);

  /** Adds a third party (an interpreter) to the call. */
  void conference(ContactId contact, String thirdParty);

  void hangUp(ContactId contact);
}
