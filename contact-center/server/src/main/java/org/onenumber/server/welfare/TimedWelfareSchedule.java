package org.onenumber.server.welfare;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.WelfareSchedule;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.AttemptId;
import org.onenumber.core.welfare.Escalation;
import org.onenumber.core.welfare.SeniorId;
import org.onenumber.server.persistence.JdbcWelfareSchedule;

/**
 * The welfare program's schedule: the database's, and every change that schedules an attempt (a planned
 * week, a retry, a moved attempt) re-arms the {@link WelfareDueTimer} on its due time.
 */
@Singleton
final class TimedWelfareSchedule implements WelfareSchedule {

  private final WelfareSchedule stored;
  private final WelfareDueTimer timer;

  @Inject
  TimedWelfareSchedule(JdbcWelfareSchedule stored, WelfareDueTimer timer) {
    this((WelfareSchedule) stored, timer);
  }

  TimedWelfareSchedule(WelfareSchedule stored, WelfareDueTimer timer) {
    this.stored = stored;
    this.timer = timer;
  }

  @Override
  public boolean planned(LocalDate monday) {
    return stored.planned(monday);
  }

  @Override
  public boolean savePlan(LocalDate monday, List<Attempt> attempts) {
    boolean saved = stored.savePlan(monday, attempts);
    if (saved) {
      attempts.stream().map(Attempt::dueAt).min(Instant::compareTo).ifPresent(timer::arm);
    }
    return saved;
  }

  @Override
  public List<Attempt> due(Instant now, int limit) {
    return stored.due(now, limit);
  }

  @Override
  public Optional<Instant> nextDueAfter(Instant now) {
    return stored.nextDueAfter(now);
  }

  @Override
  public boolean claim(Attempt dialing) {
    return stored.claim(dialing);
  }

  @Override
  public void release(AttemptId attempt) {
    stored.release(attempt); // the carrier was down: the next round tries again, not a timer at once
  }

  @Override
  public void reschedule(AttemptId attempt, Instant dueAt) {
    stored.reschedule(attempt, dueAt);
    timer.arm(dueAt);
  }

  @Override
  public List<Attempt> dialing() {
    return stored.dialing();
  }

  @Override
  public Optional<Attempt> find(AttemptId id) {
    return stored.find(id);
  }

  @Override
  public Optional<Attempt> byContact(ContactId contact) {
    return stored.byContact(contact);
  }

  @Override
  public List<Attempt> between(LocalDate from, LocalDate to) {
    return stored.between(from, to);
  }

  @Override
  public int unreachedInRow(SeniorId senior) {
    return stored.unreachedInRow(senior);
  }

  @Override
  public boolean complete(Attempt done, Attempt retry, int unreachedInRow, Escalation escalation) {
    boolean completed = stored.complete(done, retry, unreachedInRow, escalation);
    if (completed && retry != null) {
      timer.arm(retry.dueAt());
    }
    return completed;
  }

  @Override
  public List<Escalation> pendingEscalations() {
    return stored.pendingEscalations();
  }

  @Override
  public void escalated(AttemptId attempt, String caseId) {
    stored.escalated(attempt, caseId);
  }
}
