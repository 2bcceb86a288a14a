package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.EventPublisher;

/** Keeps every published event in order. Thread-safe. */
public final class RecordingEventPublisher implements EventPublisher {

  private final List<DomainEvent> events = new ArrayList<>();

  @Override
  public synchronized void publish(DomainEvent event) {
    events.add(event);
  }

  public synchronized List<DomainEvent> events() {
    return List.copyOf(events);
  }

  public synchronized <T extends DomainEvent> List<T> ofType(Class<T> type) {
    return events.stream().filter(type::isInstance).map(type::cast).toList();
  }

  public synchronized void clear() {
    events.clear();
  }
}
