package org.onenumber.core.event;

import java.time.Duration;
import java.time.Instant;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;

/**
 * A waiting contact's place in line or estimated wait changed, so IVR, chat and SMS can announce
 * it. {@code position} is 1 for the next contact to be served.
 */
public record QueuePositionChanged(ContactId contact, QueueId queue, int position, Duration estimatedWait, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "routing.queue-position";
  }
}
