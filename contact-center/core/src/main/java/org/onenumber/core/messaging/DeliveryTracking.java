package org.onenumber.core.messaging;

import java.util.Optional;
import org.onenumber.core.event.MessageStatusChanged;
import org.onenumber.core.port.in.UpdateDeliveryStatus;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.MessageStore;
import org.onenumber.core.port.out.Transactions;

/**
 * Moves outbound messages along {@link DeliveryStatus}. The cases:
 *
 * <ol>
 *   <li>No message has the id: empty (a callback for a message we never sent, or not yet stored).
 *   <li>The report is news ({@link DeliveryStatus#canMoveTo}): stored, then
 *       {@link MessageStatusChanged} published.
 *   <li>Otherwise (a repeat, or a status already passed): the message is returned unchanged.
 * </ol>
 *
 * Read and write happen in one transaction. Thread-safe when its ports are.
 */
public final class DeliveryTracking implements UpdateDeliveryStatus {

  private final Transactions transactions;
  private final MessageStore store;
  private final EventPublisher events;
  private final java.time.InstantSource clock;

  public DeliveryTracking(Transactions transactions, MessageStore store, EventPublisher events,
      java.time.InstantSource clock) {
    this.transactions = transactions;
    this.store = store;
    this.events = events;
    this.clock = clock;
  }

  @Override
  public Optional<Message> byProvider(String providerId, DeliveryStatus status, String errorCode) {
    return apply(() -> store.findByProvider(providerId), status, errorCode);
  }

  @Override
  public Optional<Message> byId(MessageId id, DeliveryStatus status) {
    return apply(() -> store.find(id), status, null);
  }

  private Optional<Message> apply(java.util.function.Supplier<Optional<Message>> lookup, DeliveryStatus status,
      String errorCode) {
    MessageStatusChanged[] changed = new MessageStatusChanged[1];
    Optional<Message> result = transactions.inTransaction(() -> lookup.get().map(message -> {
      if (!message.status().canMoveTo(status)) {
        return message;
      }
      Message next = message.withStatus(status, errorCode);
      store.save(next);
      changed[0] = new MessageStatusChanged(next.id(), next.contact(), next.channel(), message.status(), status,
          next.error(), clock.instant());
      return next;
    }));
    if (changed[0] != null) {
      events.publish(changed[0]);
    }
    return result;
  }
}
