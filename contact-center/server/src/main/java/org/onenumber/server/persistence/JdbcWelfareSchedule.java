package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.WelfareSchedule;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.AttemptId;
import org.onenumber.core.welfare.AttemptState;
import org.onenumber.core.welfare.CallOutcome;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.Escalation;
import org.onenumber.core.welfare.EscalationLadder;
import org.onenumber.core.welfare.SeniorId;

/**
 * The welfare schedule on tables {@code welfare_week}, {@code welfare_attempt}, {@code
 * welfare_streak} and {@code welfare_escalation}. Every state change is a conditional update
 * ({@code where state = ...}), so two nodes or a retried request never claim or complete an
 * attempt twice; a claim locks the senior's row first, so two calls of one senior never start
 * together. Thread-safe.
 */
@Singleton
public final class JdbcWelfareSchedule implements WelfareSchedule {

  private final Jdbc jdbc;

  public JdbcWelfareSchedule(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean planned(LocalDate monday) {
    return jdbc.queryOne("select 1 from welfare_week where monday = ?", row -> 1, monday).isPresent();
  }

  @Override
  public boolean savePlan(LocalDate monday, List<Attempt> attempts) {
    return jdbc.inTransaction(() -> {
      if (planned(monday)) {
        return false;
      }
      jdbc.update("insert into welfare_week (monday, planned_at) values (?, ?)", monday, Instant.now());
      attempts.forEach(this::insert);
      return true;
    });
  }

  private void insert(Attempt a) {
    jdbc.update("insert into welfare_attempt (id, senior_id, call_day, attempt_no, due_at, check_in_mode, state, contact_id,"
            + " started_at, outcome, ended_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id().value(),
        a.senior().value(), a.day(), a.number(), a.dueAt(), a.mode().name(), a.state().name(),
        a.contact() == null ? null : a.contact().value(), a.startedAt(),
        a.outcome() == null ? null : a.outcome().name(), a.endedAt());
  }

  @Override
  public List<Attempt> due(Instant now, int limit) {
    return jdbc.query("select * from welfare_attempt where state = 'SCHEDULED' and due_at <= ? order by due_at, id"
        + " limit ?", JdbcWelfareSchedule::read, now, limit);
  }

  @Override
  public Optional<Instant> nextDueAfter(Instant now) {
    return jdbc.queryOne("select due_at from welfare_attempt where state = 'SCHEDULED' and due_at > ? order by due_at"
        + " limit 1", row -> Jdbc.instant(row, "due_at"), now);
  }

  @Override
  public boolean claim(Attempt dialing) {
    return jdbc.inTransaction(() -> {
      jdbc.query("select id from welfare_senior where id = ? for update", row -> 1, dialing.senior().value());
      if (dialing.mode() != CheckInMode.SMS && jdbc.queryOne("select 1 from welfare_attempt where senior_id = ?"
          + " and state = 'DIALING' and check_in_mode <> 'SMS'", row -> 1, dialing.senior().value()).isPresent()) {
        return false;
      }
      return jdbc.update("update welfare_attempt set state = 'DIALING', contact_id = ?, started_at = ?"
          + " where id = ? and state = 'SCHEDULED'", dialing.contact().value(), dialing.startedAt(),
          dialing.id().value()) == 1;
    });
  }

  @Override
  public void release(AttemptId attempt) {
    jdbc.update("update welfare_attempt set state = 'SCHEDULED', contact_id = null, started_at = null"
        + " where id = ? and state = 'DIALING'", attempt.value());
  }

  @Override
  public void reschedule(AttemptId attempt, Instant dueAt) {
    jdbc.update("update welfare_attempt set due_at = ? where id = ? and state = 'SCHEDULED'", dueAt, attempt.value());
  }

  @Override
  public List<Attempt> dialing() {
    return jdbc.query("select * from welfare_attempt where state = 'DIALING' order by started_at, id",
        JdbcWelfareSchedule::read);
  }

  @Override
  public Optional<Attempt> find(AttemptId id) {
    return jdbc.queryOne("select * from welfare_attempt where id = ?", JdbcWelfareSchedule::read, id.value());
  }

  @Override
  public Optional<Attempt> byContact(ContactId contact) {
    return jdbc.queryOne("select * from welfare_attempt where contact_id = ?", JdbcWelfareSchedule::read,
        contact.value());
  }

  @Override
  public List<Attempt> between(LocalDate from, LocalDate to) {
    return jdbc.query("select * from welfare_attempt where call_day >= ? and call_day <= ? order by due_at, id",
        JdbcWelfareSchedule::read, from, to);
  }

  @Override
  public int unreachedInRow(SeniorId senior) {
    return jdbc.queryOne("select unreached from welfare_streak where senior_id = ?", row -> row.getInt(1),
        senior.value()).orElse(0);
  }

  @Override
  public boolean complete(Attempt done, Attempt retry, int unreachedInRow, Escalation escalation) {
    return jdbc.inTransaction(() -> {
      int changed = jdbc.update("update welfare_attempt set state = 'DONE', outcome = ?, ended_at = ?"
          + " where id = ? and state = 'DIALING'", done.outcome().name(), done.endedAt(), done.id().value());
      if (changed == 0) {
        return false;
      }
      if (retry != null) {
        insert(retry);
      }
      if (jdbc.update("update welfare_streak set unreached = ? where senior_id = ?", unreachedInRow,
          done.senior().value()) == 0) {
        jdbc.update("insert into welfare_streak (senior_id, unreached) values (?, ?)", done.senior().value(),
            unreachedInRow);
      }
      if (escalation != null) {
        jdbc.update("insert into welfare_escalation (attempt_id, senior_id, reason, contact_id, decided_at, done)"
                + " values (?, ?, ?, ?, ?, false)", escalation.attempt().value(), escalation.senior().value(),
            escalation.reason().name(), escalation.contact().value(), escalation.decidedAt());
      }
      return true;
    });
  }

  @Override
  public List<Escalation> pendingEscalations() {
    return jdbc.query("select * from welfare_escalation where done = false order by decided_at",
        row -> new Escalation(new AttemptId(row.getString("attempt_id")), new SeniorId(row.getString("senior_id")),
            EscalationLadder.Reason.valueOf(row.getString("reason")), new ContactId(row.getString("contact_id")),
            Jdbc.instant(row, "decided_at")));
  }

  @Override
  public void escalated(AttemptId attempt, String caseId) {
    jdbc.update("update welfare_escalation set done = true, case_id = ? where attempt_id = ? and done = false",
        caseId, attempt.value());
  }

  /** The welfare case opened for each escalated attempt of [from, to], by attempt id. */
  public java.util.Map<String, String> casesBetween(LocalDate from, LocalDate to) {
    java.util.Map<String, String> cases = new java.util.LinkedHashMap<>();
    jdbc.query("select e.attempt_id, e.case_id from welfare_escalation e join welfare_attempt a on a.id = e.attempt_id"
        + " where a.call_day >= ? and a.call_day <= ? and e.done = true", row -> cases.put(row.getString(1), row.getString(2)),
        from, to);
    return cases;
  }

  static Attempt read(ResultSet row) throws SQLException {
    String contact = row.getString("contact_id");
    String outcome = row.getString("outcome");
    return new Attempt(new AttemptId(row.getString("id")), new SeniorId(row.getString("senior_id")),
        row.getObject("call_day", LocalDate.class), row.getInt("attempt_no"), Jdbc.instant(row, "due_at"),
        CheckInMode.valueOf(row.getString("check_in_mode")), AttemptState.valueOf(row.getString("state")),
        contact == null ? null : new ContactId(contact), Jdbc.instant(row, "started_at"),
        outcome == null ? null : CallOutcome.valueOf(outcome), Jdbc.instant(row, "ended_at"));
  }
}
