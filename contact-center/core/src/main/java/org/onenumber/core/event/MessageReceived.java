package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.messaging.MessageId;

/** A citizen's message is stored; {@code contact} is null for a keyword outside a conversation. */
public record MessageReceived(MessageId message, ContactId contact, Channel channel, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "message.received";
  }
}
