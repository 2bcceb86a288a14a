package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;

/** An agent let an offer ring out (ring-no-answer); the contact went back to its place in line. */
public record OfferTimedOut(ContactId contact, AgentId agent, QueueId queue, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "routing.offer-timed-out";
  }
}
