package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;

/**
 * A queued callback keeps its place in line; it will not be attempted before {@code notBefore}.
 * {@code attempt} is the number of the next attempt, starting at 1.
 */
public record CallbackScheduled(ContactId contact, QueueId queue, int attempt, Instant notBefore, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "routing.callback-scheduled";
  }
}
