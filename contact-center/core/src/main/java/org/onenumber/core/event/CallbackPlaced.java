package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;

/**
 * A queued callback's turn came: {@code agent} is reserved and the host must dial the citizen
 * through the call-control port, then report the result back to routing.
 */
public record CallbackPlaced(ContactId contact, AgentId agent, int attempt, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "routing.callback-placed";
  }
}
