package org.onenumber.server.persistence;

import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.EventPublisher;

/**
 * Publishes an event only once the transaction it was raised in has committed ({@link
 * Jdbc#afterCommit}), at once outside a transaction. Listeners (routing's arrival among them) so
 * never see a contact or message that a webhook's batch could still roll back. Thread-safe.
 */
public final class CommittedEvents implements EventPublisher {

  private final Jdbc jdbc;
  private final EventPublisher published;

  public CommittedEvents(Jdbc jdbc, EventPublisher published) {
    this.jdbc = jdbc;
    this.published = published;
  }

  @Override
  public void publish(DomainEvent event) {
    jdbc.afterCommit(() -> published.publish(event));
  }
}
