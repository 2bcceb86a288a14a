package org.onenumber.server.privacy;

import java.time.Instant;
import org.onenumber.server.persistence.Jdbc;

/** Test data written straight into the tables: a citizen with a phone, a contact, messages, a note, a case. */
final class PrivacyRows {

  private final Jdbc jdbc;

  PrivacyRows(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  void department(String id) {
    jdbc.update("insert into department (id, name_ko, name_en, desk_phone, case_due_seconds, categories)"
        + " values (?, '교통', 'Transport', '02-000-0000', 86400, 'roads')", id);
  }

  void citizen(String id, String name, String phone) {
    jdbc.update("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
        + " values (?, ?, 'ko', true, true, false)", id, name);
    jdbc.update("insert into citizen_identity (kind, identity, citizen_id) values ('phone', ?, ?)", phone, id);
  }

  void contact(String id, String citizen, String channel, Instant at) {
    jdbc.update("insert into contact (id, channel, citizen_id, language, required_skills, priority, topic, state,"
        + " created_at, queued_at, connected_at, closed_at, updated_at) values (?, ?, ?, 'ko', '', 1, 'my flooded"
        + " basement', 'CLOSED', ?, ?, ?, ?, ?)", id, channel, citizen, at, at, at.plusSeconds(10), at.plusSeconds(300),
        at.plusSeconds(300));
    jdbc.update("insert into contact_step (contact_id, seq, state, at) values (?, 0, 'QUEUED', ?)", id, at);
    jdbc.update("insert into contact_step (contact_id, seq, state, at) values (?, 1, 'CONNECTED', ?)", id,
        at.plusSeconds(10));
  }

  void message(String id, String contact, String channel, String peer, String body, Instant at) {
    jdbc.update("insert into message (id, contact_id, channel, direction, peer, body, status, at)"
        + " values (?, ?, ?, 'IN', ?, ?, 'RECEIVED', ?)", id, contact, channel, peer, body, at);
  }

  void note(String contact, String body, Instant at) {
    jdbc.update("insert into contact_note (contact_id, kind, author, body, at) values (?, 'NOTE', 'op-001', ?, ?)",
        contact, body, at);
  }

  void caseFile(String id, String department, String citizen, String contact, Instant at) {
    jdbc.update("insert into case_file (id, department_id, category, priority, summary, citizen_id, due_at, status,"
        + " opened_at) values (?, ?, 'roads', 'NORMAL', 'pothole outside 12 Main St', ?, ?, 'OPEN', ?)", id,
        department, citizen, at.plusSeconds(86_400), at);
    jdbc.update("insert into case_contact (case_id, seq, contact_id) values (?, 0, ?)", id, contact);
    jdbc.update("insert into case_status (case_id, seq, status, at, author, note) values (?, 0, 'OPEN', ?, 'op-001',"
        + " 'call back Ms Kim at home')", id, at);
  }

  void recording(String contact, String file, Instant at) {
    jdbc.update("insert into call_recordings (contact_id, file_name, started_at) values (?, ?, ?)", contact, file, at);
  }

  long count(String sql, Object... args) {
    return jdbc.queryOne(sql, row -> row.getLong(1), args).orElseThrow();
  }

  String text(String sql, Object... args) {
    return jdbc.queryOne(sql, row -> row.getString(1), args).orElse("<no row>");
  }
}
