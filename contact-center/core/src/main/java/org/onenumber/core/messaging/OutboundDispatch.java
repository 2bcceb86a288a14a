package org.onenumber.core.messaging;

import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.event.MessageSent;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.MessageStore;

/**
 * Sends one outbound message. The cases:
 *
 * <ol>
 *   <li>The message is stored {@code QUEUED} first, so it is never lost between us and the provider.
 *   <li>SMS and WhatsApp: handed to the {@link MessageGateway}; the provider's id and first status
 *       are stored. A gateway failure stores {@code FAILED} with the failure's code; nothing throws.
 *   <li>Web chat: left {@code QUEUED}; the chat adapter delivers it from the store and the client's
 *       acknowledgement moves it on.
 *   <li>Any other channel cannot carry text: invalid input.
 * </ol>
 *
 * Then {@link MessageSent} is published. Thread-safe when its collaborators are.
 */
final class OutboundDispatch {

  private final MessageStore store;
  private final MessageGateway gateway;
  private final EventPublisher events;
  private final InstantSource clock;
  private final RandomGenerator random;

  OutboundDispatch(MessageStore store, MessageGateway gateway, EventPublisher events, InstantSource clock,
      RandomGenerator random) {
    this.store = store;
    this.gateway = gateway;
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
      case SMS, WHATSAPP -> viaGateway(queued);
      case CHAT -> queued;
      default -> throw new InvalidInputException("channel " + channel + " cannot carry text messages");
    };
    events.publish(new MessageSent(result.id(), contact, channel, author, result.status(), now));
    return result;
  }

  private Message viaGateway(Message queued) {
    Message next;
    try {
      MessageGateway.Receipt receipt = gateway.send(new MessageGateway.Outbound(queued.contact(), queued.channel(),
          queued.peer(), queued.body(), queued.media()));
      next = queued.withProvider(receipt.providerId(), DeliveryStatus.fromProvider(receipt.status()));
    } catch (OneNumberException e) {
      next = queued.withStatus(DeliveryStatus.FAILED, e.code() + ": " + e.getMessage());
    }
    store.save(next);
    return next;
  }
}
