package org.onenumber.core.messaging;

import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.Ids;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.MessageSent;
import org.onenumber.core.port.out.MessageStore;

/**
 * Sends one outbound message. The cases:
 *
 * <ol>
 *   <li>The message is stored {@code QUEUED} first, so it is never lost between us and the provider.
 *   <li>SMS and WhatsApp outside a transaction (an agent's reply): handed to the provider by
 *       {@link OutboundRetries} (its first attempt); the provider's id and first status are
 *       stored. A permanent failure stores {@code FAILED} with the failure's code; a retriable one
 *       leaves it {@code QUEUED} in the outbox, retried with backoff and dead-lettered after the
 *       policy's attempts. Nothing throws.
 *   <li>SMS and WhatsApp inside a transaction (an automatic STOP/HELP reply or a case text while
 *       an inbound message is handled): its outbox entry is written in that transaction and the
 *       message returned {@code QUEUED}; the first attempt runs after the commit on the context's
 *       senders ({@link OutboundRetries#afterCommit}), never on the thread holding the transaction.
 *   <li>Web chat: left {@code QUEUED}; the chat adapter delivers it from the store and the client's
 *       acknowledgement moves it on.
 *   <li>Any other channel cannot carry text: invalid input.
 * </ol>
 *
 * Then {@link MessageSent} is published. Thread-safe when its collaborators are.
 */
final class OutboundDispatch {

  private final MessageContext context;
  private final MessageStore store;
  private final OutboundRetries retries;
  private final InstantSource clock;
  private final RandomGenerator random;

  OutboundDispatch(MessageContext context, OutboundRetries retries) {
    this.context = context;
    this.store = context.store();
    this.retries = retries;
    this.clock = context.clock();
    this.random = context.random();
  }

  Message send(ContactId contact, Channel channel, String peer, String author, String body,
      java.util.List<java.net.URI> media) {
    var now = clock.instant();
    Message queued = new Message(new MessageId(Ids.timeOrdered(now, random)), contact, channel, Direction.OUT, peer,
        author, body, media, null, DeliveryStatus.QUEUED, null, now);
    store.save(queued);
    Message result = switch (channel) {
      case SMS, WHATSAPP -> context.transactions().inTransaction() ? retries.afterCommit(queued) : retries.first(queued);
      case CHAT -> queued;
      default -> throw new InvalidInputException("channel " + channel + " cannot carry text messages");
    };
    context.publish(new MessageSent(result.id(), contact, channel, author, result.status(), now));
    return result;
  }
}
