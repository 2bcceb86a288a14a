package org.onenumber.server.events;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.core.event.DomainEvent;

/**
 * Flattens a domain event into a map of its record components with their string forms, plus
 * {@code type}. This is the wire and journal shape of every event: ids, instants (ISO-8601) and
 * enum names are strings; absent values are left out.
 */
public final class EventPayload {

  private EventPayload() {}

  public static Map<String, Object> of(DomainEvent event) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", event.type());
    for (RecordComponent component : event.getClass().getRecordComponents()) {
      Object value = read(component, event);
      if (value != null) {
        payload.put(component.getName(), value instanceof Number || value instanceof Boolean ? value : value.toString());
      }
    }
    return payload;
  }

  private static Object read(RecordComponent component, DomainEvent event) {
    try {
      return component.getAccessor().invoke(event);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + component + " of " + event.type(), e);
    }
  }
}
