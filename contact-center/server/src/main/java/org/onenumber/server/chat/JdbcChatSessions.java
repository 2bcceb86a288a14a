package org.onenumber.server.chat;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.server.persistence.Jdbc;

/** Web chat sessions on table {@code chat_session}: what a resume token leads back to. Thread-safe. */
@Singleton
final class JdbcChatSessions {

  /**
   * One browser conversation: its secret token, the citizen's chat handle, language, current
   * contact, and whether the citizen has left it.
   */
  record ChatSession(String token, String handle, Language language, ContactId contact, boolean ended) {

    ChatSession withContact(ContactId newContact) {
      return new ChatSession(token, handle, language, newContact, ended);
    }

    ChatSession asEnded() {
      return new ChatSession(token, handle, language, contact, true);
    }
  }

  private final Jdbc jdbc;

  JdbcChatSessions(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void create(ChatSession session, Instant at) {
    jdbc.update("insert into chat_session (token, handle, language, contact_id, created_at) values (?, ?, ?, ?, ?)",
        session.token(), session.handle(), session.language().code(), null, at);
  }

  Optional<ChatSession> find(String token) {
    return jdbc.queryOne("select * from chat_session where token = ?", JdbcChatSessions::read, token);
  }

  Optional<ChatSession> byContact(ContactId contact) {
    return jdbc.queryOne("select * from chat_session where contact_id = ?", JdbcChatSessions::read, contact.value());
  }

  void attach(String token, ContactId contact) {
    jdbc.update("update chat_session set contact_id = ? where token = ?", contact.value(), token);
  }

  /** Marks the session left; true the first time only. */
  boolean end(String token, Instant at) {
    return jdbc.update("update chat_session set ended_at = ? where token = ? and ended_at is null", at, token) == 1;
  }

  /** Sessions not left whose contact still waits for an operator, with their grace deadline (null: none kept). */
  Map<ChatSession, Instant> waitingDeadlines() {
    Map<ChatSession, Instant> deadlines = new LinkedHashMap<>();
    jdbc.query("select s.* from chat_session s join contact c on c.id = s.contact_id"
        + " where s.ended_at is null and c.state in ('QUEUED', 'OFFERED', 'TRANSFERRED', 'OVERFLOWED')",
        row -> deadlines.put(read(row), Jdbc.instant(row, "grace_deadline")));
    return deadlines;
  }

  /** Keeps each session's grace deadline, the moment it is abandoned unless resumed (empty: none), as one JDBC batch. */
  void graceDeadlines(Map<String, Optional<Instant>> deadlines) {
    List<Object[]> rows = new ArrayList<>(deadlines.size());
    deadlines.forEach((token, deadline) -> rows.add(new Object[] {deadline.orElse(null), token}));
    jdbc.batch("update chat_session set grace_deadline = ? where token = ?", rows);
  }

  private static ChatSession read(ResultSet row) throws SQLException {
    String contact = row.getString("contact_id");
    return new ChatSession(row.getString("token"), row.getString("handle"), new Language(row.getString("language")),
        contact == null ? null : new ContactId(contact), row.getTimestamp("ended_at") != null);
  }
}
