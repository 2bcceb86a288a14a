package org.onenumber.server.monitor;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.persistence.Jdbc;

/**
 * The audit of supervisor monitoring ({@code monitor_session}): who watched or stepped into which
 * contact, in which mode, from when to when. At most one open session per supervisor and contact;
 * starting another mode ends the open one first. Thread-safe.
 */
@Singleton
public final class JdbcMonitorSessions {

  /** How a supervisor takes part: read-only, notes to the operator, or writing to the citizen. */
  public enum Mode { SILENT, WHISPER, BARGE }

  @Serdeable
  public record Session(long id, String contactId, String supervisor, String agentId, String mode, Instant startedAt,
      Instant endedAt) {}

  private final Jdbc jdbc;
  private final InstantSource clock;

  JdbcMonitorSessions(Jdbc jdbc, InstantSource clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Ends the supervisor's open session on the contact, if any, and opens one in {@code mode}. */
  public Session start(ContactId contact, String supervisor, String agent, Mode mode) {
    Instant now = clock.instant();
    return jdbc.inTransaction(() -> {
      jdbc.update("update monitor_session set ended_at = ? where contact_id = ? and supervisor = ? and ended_at is null",
          now, contact.value(), supervisor);
      jdbc.update("insert into monitor_session (contact_id, supervisor, agent_id, mode, started_at) values (?, ?, ?, ?, ?)",
          contact.value(), supervisor, agent, mode.name(), now);
      return open(contact, supervisor).orElseThrow();
    });
  }

  /** Ends the supervisor's open session on the contact; false when there was none. */
  public boolean end(ContactId contact, String supervisor) {
    return jdbc.update("update monitor_session set ended_at = ? where contact_id = ? and supervisor = ? and ended_at is null",
        clock.instant(), contact.value(), supervisor) > 0;
  }

  public Optional<Session> open(ContactId contact, String supervisor) {
    return jdbc.queryOne("select * from monitor_session where contact_id = ? and supervisor = ? and ended_at is null",
        JdbcMonitorSessions::row, contact.value(), supervisor);
  }

  /** Open sessions on a contact (what its operator is told). */
  public List<Session> active(ContactId contact) {
    return jdbc.query("select * from monitor_session where contact_id = ? and ended_at is null order by started_at",
        JdbcMonitorSessions::row, contact.value());
  }

  /** Every session on a contact, oldest first (the audit trail). */
  public List<Session> history(ContactId contact) {
    return jdbc.query("select * from monitor_session where contact_id = ? order by started_at, id",
        JdbcMonitorSessions::row, contact.value());
  }

  private static Session row(java.sql.ResultSet row) throws java.sql.SQLException {
    return new Session(row.getLong("id"), row.getString("contact_id"), row.getString("supervisor"),
        row.getString("agent_id"), row.getString("mode"), Jdbc.instant(row, "started_at"), Jdbc.instant(row, "ended_at"));
  }
}
