package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.messaging.MessageId;

/** A message to a citizen is stored and handed to its channel; {@code author} is an agent or {@code system}. */
public record MessageSent(MessageId message, ContactId contact, Channel channel, String author,
    DeliveryStatus status, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "message.sent";
  }
}
