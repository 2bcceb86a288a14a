package org.onenumber.testkit;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.WelfareSchedule;
import org.onenumber.core.welfare.Attempt;
import org.onenumber.core.welfare.AttemptId;
import org.onenumber.core.welfare.AttemptState;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.Escalation;
import org.onenumber.core.welfare.SeniorId;

/**
 * In memory, with the durable schedule's semantics: it outlives a {@code WelfareProgram}, so a
 * simulation "restarts" the program over the same schedule. Thread-safe (every method synchronized).
 */
public final class FakeWelfareSchedule implements WelfareSchedule {

  private static final Comparator<Attempt> BY_DUE = Comparator.comparing(Attempt::dueAt)
      .thenComparing(a -> a.id().value());

  private final Set<LocalDate> weeks = new HashSet<>();
  private final Map<AttemptId, Attempt> attempts = new LinkedHashMap<>();
  private final TreeSet<Attempt> scheduled = new TreeSet<>(BY_DUE);
  private final Map<ContactId, AttemptId> byContact = new HashMap<>();
  private final Map<AttemptId, Attempt> dialing = new LinkedHashMap<>();
  private final Map<SeniorId, Integer> unreached = new HashMap<>();
  private final Map<AttemptId, Escalation> pending = new LinkedHashMap<>();
  private final Map<AttemptId, String> escalated = new LinkedHashMap<>();
  private final List<AttemptId> completed = new ArrayList<>();

  @Override
  public synchronized boolean planned(LocalDate monday) {
    return weeks.contains(monday);
  }

  @Override
  public synchronized boolean savePlan(LocalDate monday, List<Attempt> plan) {
    if (!weeks.add(monday)) {
      return false;
    }
    plan.forEach(this::put);
    return true;
  }

  @Override
  public synchronized List<Attempt> due(Instant now, int limit) {
    List<Attempt> due = new ArrayList<>();
    for (Attempt a : scheduled) {
      if (a.dueAt().isAfter(now) || due.size() >= limit) {
        break;
      }
      due.add(a);
    }
    return due;
  }

  @Override
  public synchronized Optional<Instant> nextDueAfter(Instant now) {
    return scheduled.stream().map(Attempt::dueAt).filter(at -> at.isAfter(now)).min(Instant::compareTo);
  }

  @Override
  public synchronized boolean claim(Attempt dialing) {
    Attempt current = attempts.get(dialing.id());
    if (current == null || current.state() != AttemptState.SCHEDULED) {
      return false;
    }
    boolean call = dialing.mode() != CheckInMode.SMS;
    if (call && this.dialing.values().stream().anyMatch(a -> a.senior().equals(dialing.senior())
        && a.mode() != CheckInMode.SMS)) {
      return false;
    }
    put(dialing);
    return true;
  }

  @Override
  public synchronized void release(AttemptId id) {
    Attempt current = attempts.get(id);
    if (current != null && current.state() == AttemptState.DIALING) {
      put(new Attempt(current.id(), current.senior(), current.day(), current.number(), current.dueAt(),
          current.mode(), AttemptState.SCHEDULED, null, null, null, null));
    }
  }

  @Override
  public synchronized void reschedule(AttemptId id, Instant dueAt) {
    Attempt current = attempts.get(id);
    if (current != null && current.state() == AttemptState.SCHEDULED) {
      put(new Attempt(current.id(), current.senior(), current.day(), current.number(), dueAt, current.mode(),
          AttemptState.SCHEDULED, null, null, null, null));
    }
  }

  @Override
  public synchronized List<Attempt> dialing() {
    return List.copyOf(dialing.values());
  }

  @Override
  public synchronized Optional<Attempt> find(AttemptId id) {
    return Optional.ofNullable(attempts.get(id));
  }

  @Override
  public synchronized Optional<Attempt> byContact(ContactId contact) {
    return Optional.ofNullable(byContact.get(contact)).map(attempts::get);
  }

  @Override
  public synchronized List<Attempt> between(LocalDate from, LocalDate to) {
    return attempts.values().stream().filter(a -> !a.day().isBefore(from) && !a.day().isAfter(to)).toList();
  }

  @Override
  public synchronized int unreachedInRow(SeniorId senior) {
    return unreached.getOrDefault(senior, 0);
  }

  @Override
  public synchronized boolean complete(Attempt done, Attempt retry, int unreachedInRow, Escalation escalation) {
    Attempt current = attempts.get(done.id());
    if (current == null || current.state() != AttemptState.DIALING) {
      return false;
    }
    put(done);
    completed.add(done.id());
    if (retry != null) {
      put(retry);
    }
    unreached.put(done.senior(), unreachedInRow);
    if (escalation != null) {
      pending.put(escalation.attempt(), escalation);
    }
    return true;
  }

  @Override
  public synchronized List<Escalation> pendingEscalations() {
    return List.copyOf(pending.values());
  }

  @Override
  public synchronized void escalated(AttemptId attempt, String caseId) {
    if (pending.remove(attempt) != null) {
      escalated.put(attempt, caseId);
    }
  }

  /** Every attempt completed so far, in the order completed. */
  public synchronized List<AttemptId> completed() {
    return List.copyOf(completed);
  }

  /** Every attempt ever stored, in the order first stored. */
  public synchronized List<Attempt> all() {
    return List.copyOf(attempts.values());
  }

  private void put(Attempt next) {
    Attempt previous = attempts.put(next.id(), next);
    if (previous != null) {
      scheduled.remove(previous);
      dialing.remove(previous.id());
    }
    switch (next.state()) {
      case SCHEDULED -> scheduled.add(next);
      case DIALING -> dialing.put(next.id(), next);
      case DONE -> { }
    }
    if (next.contact() != null) {
      byContact.put(next.contact(), next.id());
    }
  }
}
