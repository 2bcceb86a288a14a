package org.onenumber.core.messaging;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

/**
 * One message of a text conversation. Immutable; {@link #withStatus} returns the next state.
 *
 * @param contact the conversation it belongs to; null only for a carrier keyword (STOP, HELP)
 *     sent outside any open conversation, and its automatic reply
 * @param peer the citizen's address on the channel ({@code +8210...}, {@code whatsapp:+8210...},
 *     a chat handle): where replies go
 * @param author who wrote it: null for the citizen, an agent id, or {@code system}
 * @param providerId the provider's id (Twilio's MessageSid) or the chat client's message id;
 *     unique per channel, the key that makes redelivered webhooks harmless; null until known
 * @param error the provider's error code when the status is a failure; null otherwise
 */
public record Message(
    MessageId id,
    ContactId contact,
    Channel channel,
    Direction direction,
    String peer,
    String author,
    String body,
    List<URI> media,
    String providerId,
    DeliveryStatus status,
    String error,
    Instant at) {

  public static final int MAX_BODY = 4_000;

  public Message {
    InvalidInputException.require(id, "id");
    InvalidInputException.require(channel, "channel");
    InvalidInputException.require(direction, "direction");
    InvalidInputException.requireText(peer, "peer");
    body = body == null ? "" : body;
    media = List.copyOf(media == null ? List.of() : media);
    for (URI url : media) {
      String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!(scheme.equals("https") || scheme.equals("http")) || url.getHost() == null) {
        throw new InvalidInputException("media must be http(s) URLs");
      }
    }
    InvalidInputException.require(status, "status");
    InvalidInputException.require(at, "at");
    if (body.isBlank() && media.isEmpty()) {
      throw new InvalidInputException("a message needs a body or media");
    }
    if (body.length() > MAX_BODY) {
      throw new InvalidInputException("message body is longer than " + MAX_BODY + " characters");
    }
    if ((direction == Direction.IN) != (status == DeliveryStatus.RECEIVED)) {
      throw new InvalidInputException("inbound messages, and only they, are RECEIVED");
    }
  }

  /**
   * The message with a newer delivery status.
   *
   * @throws IllegalTransitionException when {@link DeliveryStatus} has no such edge
   */
  public Message withStatus(DeliveryStatus next, String errorCode) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException("message " + id, status, next);
    }
    return new Message(id, contact, channel, direction, peer, author, body, media, providerId, next,
        next.isFailure() ? errorCode : null, at);
  }

  /** The message once the provider has accepted it under {@code providerId}. */
  public Message withProvider(String provider, DeliveryStatus next) {
    Message accepted = new Message(id, contact, channel, direction, peer, author, body, media, provider, status,
        error, at);
    return next == status ? accepted : accepted.withStatus(next, null);
  }
}
