package org.onenumber.server.routing;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.server.events.EventPayload;
import org.onenumber.server.persistence.Jdbc;

/**
 * Journals routing events that belong to no contact snapshot (agent state changes, steps and
 * callback schedules of a contact that did not move) into {@code domain_event}, in the caller's
 * transaction, in the same payload shape as the contact journal. Thread-safe.
 */
@Singleton
final class JdbcRoutingEvents {

  private final Jdbc jdbc;
  private final JsonMapper json;

  JdbcRoutingEvents(Jdbc jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  /** Sends the events as one JDBC batch (one round trip on routing's commit, not one per event). */
  void append(List<DomainEvent> events) {
    List<Object[]> rows = new ArrayList<>(events.size());
    for (DomainEvent event : events) {
      Map<String, Object> payload = EventPayload.of(event);
      Object contact = payload.get("contact");
      rows.add(new Object[] {event.type(), event.at(), contact == null ? null : contact.toString(), write(payload)});
    }
    jdbc.batch("insert into domain_event (type, at, contact_id, payload) values (?, ?, ?, ?)", rows);
  }

  private String write(Map<String, Object> payload) {
    try {
      return json.writeValueAsString(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
