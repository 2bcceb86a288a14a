package org.onenumber.server.telephony;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.telephony.asterisk.CallRecordings;

/**
 * Call recordings in table {@code call_recordings} (V72). A call may be recorded when its citizen's
 * consent says {@code recordCalls} and its queue is one of {@code queues} ({@code *}: every queue).
 */
final class JdbcCallRecordings implements CallRecordings {

  /** One stored recording. */
  record Recording(ContactId contact, String file, Instant startedAt, Duration duration) {}

  private final Jdbc jdbc;
  private final ContactJournal journal;
  private final CitizenRegistry citizens;
  private final Set<String> queues;

  JdbcCallRecordings(Jdbc jdbc, ContactJournal journal, CitizenRegistry citizens, Set<String> queues) {
    this.jdbc = jdbc;
    this.journal = journal;
    this.citizens = citizens;
    this.queues = Set.copyOf(queues);
  }

  @Override
  public boolean allowed(ContactId contact) {
    Optional<Contact> found = journal.find(contact);
    if (found.isEmpty() || found.get().queue() == null) {
      return false;
    }
    boolean queueRecords = queues.contains("*") || queues.contains(found.get().queue().value());
    return queueRecords && citizens.find(found.get().citizen()).map(c -> c.consent().recordCalls()).orElse(false);
  }

  @Override
  public void started(ContactId contact, String file, Instant at) {
    jdbc.update("DELETE FROM call_recordings WHERE contact_id = ?", contact.value());
    jdbc.update("INSERT INTO call_recordings (contact_id, file_name, started_at) VALUES (?, ?, ?)",
        contact.value(), file, at);
  }

  @Override
  public void stopped(ContactId contact, Instant at) {
    jdbc.queryOne("SELECT started_at FROM call_recordings WHERE contact_id = ? AND stopped_at IS NULL",
        row -> Jdbc.instant(row, "started_at"), contact.value())
        .ifPresent(start -> jdbc.update(
            "UPDATE call_recordings SET stopped_at = ?, duration_ms = ? WHERE contact_id = ?",
            at, Duration.between(start, at).toMillis(), contact.value()));
  }

  Optional<Recording> find(ContactId contact) {
    return jdbc.queryOne("SELECT * FROM call_recordings WHERE contact_id = ?", row -> new Recording(
        new ContactId(row.getString("contact_id")), row.getString("file_name"), Jdbc.instant(row, "started_at"),
        row.getObject("duration_ms") == null ? null : Duration.ofMillis(row.getLong("duration_ms"))), contact.value());
  }

  /** Recordings started before {@code before}, oldest first, at most {@code limit}. */
  List<Recording> startedBefore(Instant before, int limit) {
    return jdbc.query("SELECT * FROM call_recordings WHERE started_at < ? ORDER BY started_at LIMIT " + limit,
        row -> new Recording(new ContactId(row.getString("contact_id")), row.getString("file_name"),
            Jdbc.instant(row, "started_at"), null), before);
  }

  void delete(ContactId contact) {
    jdbc.update("DELETE FROM call_recordings WHERE contact_id = ?", contact.value());
  }
}
