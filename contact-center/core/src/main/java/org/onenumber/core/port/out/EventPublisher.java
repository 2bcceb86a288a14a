package org.onenumber.core.port.out;

import org.onenumber.core.event.DomainEvent;

/**
 * Hands domain events to whoever listens. Must not block the caller on listeners' work and must
 * not throw because a listener failed.
 */
public interface EventPublisher {

  void publish(DomainEvent event);
}
