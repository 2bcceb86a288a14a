package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.messaging.MessageId;
import org.onenumber.core.port.out.MessageOutbox;

/**
 * The outbox on table {@code message_outbox}. Saving replaces a message's row (update, else
 * insert); each call autocommits unless the caller holds a transaction. Thread-safe; meant for
 * one node (a second node's poller could claim the same due row: see docs/architecture.md).
 */
@Singleton
public final class JdbcMessageOutbox implements MessageOutbox {

  private static final int MAX_ERROR = 500;
  private final Jdbc jdbc;

  public JdbcMessageOutbox(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void save(Entry e) {
    String error = e.lastError() == null || e.lastError().length() <= MAX_ERROR ? e.lastError()
        : e.lastError().substring(0, MAX_ERROR);
    int updated = jdbc.update("update message_outbox set attempts = ?, next_attempt_at = ?, last_error = ?,"
        + " dead_lettered_at = ? where message_id = ?", e.attempts(), e.nextAttemptAt(), error, e.deadLetteredAt(),
        e.message().value());
    if (updated == 0) {
      jdbc.update("insert into message_outbox (message_id, attempts, next_attempt_at, last_error, dead_lettered_at)"
          + " values (?, ?, ?, ?, ?)", e.message().value(), e.attempts(), e.nextAttemptAt(), error, e.deadLetteredAt());
    }
  }

  @Override
  public void remove(MessageId message) {
    jdbc.update("delete from message_outbox where message_id = ?", message.value());
  }

  @Override
  public List<Entry> due(Instant now, int limit) {
    return jdbc.query("select * from message_outbox where dead_lettered_at is null and next_attempt_at <= ?"
        + " order by next_attempt_at limit " + Math.max(1, limit), JdbcMessageOutbox::read, now);
  }

  @Override
  public List<Entry> deadLetters(int limit) {
    return jdbc.query("select * from message_outbox where dead_lettered_at is not null"
        + " order by dead_lettered_at desc limit " + Math.max(1, limit), JdbcMessageOutbox::read);
  }

  private static Entry read(ResultSet row) throws SQLException {
    return new Entry(new MessageId(row.getString("message_id")), row.getInt("attempts"),
        Jdbc.instant(row, "next_attempt_at"), row.getString("last_error"), Jdbc.instant(row, "dead_lettered_at"));
  }
}
