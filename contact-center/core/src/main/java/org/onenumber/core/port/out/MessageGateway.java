package org.onenumber.core.port.out;

import java.net.URI;
import java.util.List;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/** Sends a text message (SMS, MMS, WhatsApp) to a citizen. */
public interface MessageGateway {

  /** @return the provider's id for the message and its first status */
  Receipt send(Outbound message);

  /**
   * A message to send; {@code to} is the citizen's address on {@code channel}. {@code contact} is
   * null only for an automatic keyword reply outside any conversation.
   */
  record Outbound(ContactId contact, Channel channel, String to, String body, List<URI> media) {
    public Outbound {
      InvalidInputException.require(channel, "channel");
      InvalidInputException.requireText(to, "to");
      InvalidInputException.requireText(body, "body");
      media = List.copyOf(media == null ? List.of() : media);
    }
  }

  /** What the provider said: its message id and a status such as {@code queued}. */
  record Receipt(String providerId, String status) {}
}
