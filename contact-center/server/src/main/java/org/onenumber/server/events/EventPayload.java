package org.onenumber.server.events;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.event.DomainEvent;

/**
 * Flattens a domain event into a map of its record components with their string forms, plus
 * {@code type}. This is the wire and journal shape of every event: ids, instants (ISO-8601) and
 * enum names are strings; absent values are left out.
 */
public final class EventPayload {

  /**
   * Each event class's components, looked up once (session 17: {@code getRecordComponents()} and a
   * reflective call per component of every event, on routing's commit, was a quarter of its CPU).
   */
  private static final ClassValue<List<Component>> COMPONENTS = new ClassValue<>() {
    @Override
    protected List<Component> computeValue(Class<?> type) {
      List<Component> components = new ArrayList<>();
      for (RecordComponent component : type.getRecordComponents()) {
        try {
          components.add(new Component(component.getName(),
              MethodHandles.publicLookup().unreflect(component.getAccessor()).asType(MethodType.methodType(Object.class, Object.class))));
        } catch (IllegalAccessException e) {
          throw new IllegalStateException("cannot read " + component + " of " + type.getName(), e);
        }
      }
      return List.copyOf(components);
    }
  };

  private EventPayload() {}

  public static Map<String, Object> of(DomainEvent event) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", event.type());
    for (Component component : COMPONENTS.get(event.getClass())) {
      Object value = component.read(event);
      if (value != null) {
        payload.put(component.name(), value instanceof Number || value instanceof Boolean ? value : value.toString());
      }
    }
    return payload;
  }

  /** One record component: its name and its accessor. */
  private record Component(String name, MethodHandle accessor) {
    Object read(DomainEvent event) {
      try {
        return accessor.invokeExact((Object) event);
      } catch (RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IllegalStateException("cannot read " + name + " of " + event.type(), e);
      }
    }
  }
}
