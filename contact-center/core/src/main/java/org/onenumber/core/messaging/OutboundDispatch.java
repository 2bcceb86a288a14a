package org.onenumber.core.messaging;

import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.MessageSent;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.MessageStore;

/**
 * Sends one outbound message. The cases:
 *
 * <ol>
 *   <li>The message is stored {@code QUEUED} first, so it is never lost between us and the provider.
 *   <li>SMS and WhatsApp: handed to the provider by {@link OutboundRetries} (its first attempt);
 *       the provider's id and first status are stored. A permanent failure stores {@code FAILED}
 *       with the failure's code; a retriable one leaves it {@code QUEUED} in the outbox, retried
 *       with backoff and dead-lettered after the policy's attempts. Nothing throws.
 *   <li>Web chat: left {@code QUEUED}; the chat adapter delivers it from the store and the client's
 *       acknowledgement moves it on.
 *   <li>Any other channel cannot carry text: invalid input.
 * </ol>
 *
 * Then {@link MessageSent} is published. Thread-safe when its collaborators are.
 */
final class OutboundDispatch {

  private final MessageStore store;
  private final OutboundRetries retries;
  private final EventPublisher events;
  private final InstantSource clock;
  private final RandomGenerator random;

  OutboundDispatch(MessageStore store, OutboundRetries retries, EventPublisher events, InstantSource clock,
      RandomGenerator random) {
    this.store = store;
    this.retries = retries;
    this.events = events;
    this.clock = clock;
    this.random = random;
  }

  Message send(ContactId contact, Channel channel, String peer, String author, String body,
      java.util.List<java.net.URI> media) {
    var now = clock.instant();
    Message queued = new Message(new MessageId(Ids.timeOrdered(now, random)), contact, channel, Direction.OUT, peer,
        author, body, media, null, DeliveryStatus.QUEUED, null, now);
    store.save(queued);
    Message result = switch (channel) {
      case SMS, WHATSAPP -> retries.first(queued);
      case CHAT -> queued;
      default -> throw new InvalidInputException("channel " + channel + " cannot carry text messages");
    };
    events.publish(new MessageSent(result.id(), contact, channel, author, result.status(), now));
    return result;
  }
}
