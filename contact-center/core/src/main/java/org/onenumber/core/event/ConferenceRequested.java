package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;

/** An agent asked to add a third party (an interpreter) to a connected call. */
public record ConferenceRequested(ContactId contact, AgentId agent, String thirdParty, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "routing.conference-requested";
  }
}
