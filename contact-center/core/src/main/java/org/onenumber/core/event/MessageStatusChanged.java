package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.messaging.MessageId;

/** An outbound message moved on its way; {@code error} is the provider's code on failure. */
public record MessageStatusChanged(MessageId message, ContactId contact, Channel channel, DeliveryStatus from,
    DeliveryStatus to, String error, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "message.status-changed";
  }
}
