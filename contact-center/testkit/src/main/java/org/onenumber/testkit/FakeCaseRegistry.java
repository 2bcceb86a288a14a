package org.onenumber.testkit;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseInbox;
import org.onenumber.core.casework.CaseSatisfaction;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.core.port.out.CaseRegistry;

/** In-memory cases. Thread-safe. */
public final class FakeCaseRegistry implements CaseRegistry {

  private final Map<CaseId, Case> cases = new LinkedHashMap<>();
  private long sequence;

  @Override
  public synchronized void save(Case c) {
    cases.put(c.id(), c);
  }

  @Override
  public synchronized Optional<Case> find(CaseId id) {
    return Optional.ofNullable(cases.get(id));
  }

  @Override
  public synchronized List<Case> byDepartment(DepartmentId department, int limit) {
    return cases.values().stream().filter(c -> c.department().equals(department))
        .sorted(Comparator.comparing(Case::openedAt).reversed()).limit(limit).toList();
  }

  @Override
  public synchronized List<Case> byContact(org.onenumber.core.contact.ContactId contact) {
    return cases.values().stream().filter(c -> c.contacts().contains(contact))
        .sorted(Comparator.comparing(Case::openedAt)).toList();
  }

  @Override
  public synchronized void update(Case c, int expectedVersion) {
    Case stored = cases.get(c.id());
    int current = stored == null ? 0 : stored.version();
    if (current != expectedVersion) {
      throw new VersionConflictException("case " + c.id(), expectedVersion, current);
    }
    cases.put(c.id(), c);
  }

  @Override
  public synchronized List<Case> inbox(DepartmentId department, CaseInbox view, String staff, Instant now,
      Instant soonUntil, int limit) {
    if (view == CaseInbox.FOLLOW_UP) {
      return cases.values().stream().filter(c -> c.department().equals(department))
          .filter(CaseSatisfaction::needsFollowUp)
          .sorted(Comparator.comparing(Case::openedAt).thenComparing(c -> c.id().value())).limit(limit).toList();
    }
    Predicate<Case> in = switch (view) {
      case NEW -> c -> c.status() == CaseStatus.OPEN || c.status() == CaseStatus.REOPENED;
      case MINE -> c -> staff != null && staff.equals(c.assignee());
      case DUE_SOON -> c -> !c.dueAt().isBefore(now) && c.dueAt().isBefore(soonUntil);
      case OVERDUE -> c -> c.dueAt().isBefore(now);
      case ACTIVE, FOLLOW_UP -> c -> true;
    };
    Comparator<Case> order = view == CaseInbox.NEW ? Comparator.comparing(Case::openedAt)
        : Comparator.comparing(Case::dueAt);
    return cases.values().stream().filter(c -> c.department().equals(department) && !c.status().isDone())
        .filter(in).sorted(order.thenComparing(c -> c.id().value())).limit(limit).toList();
  }

  @Override
  public synchronized List<Case> dueBefore(Instant dueBefore, int limit) {
    return cases.values().stream().filter(c -> !c.status().isDone() && c.dueAt().isBefore(dueBefore))
        .sorted(Comparator.comparing(Case::dueAt).thenComparing(c -> c.id().value())).limit(limit).toList();
  }

  @Override
  public synchronized List<Case> resolvedQuietSince(Instant since, int limit) {
    return cases.values().stream().filter(c -> c.status() == CaseStatus.RESOLVED && !c.last().at().isAfter(since))
        .sorted(Comparator.comparing(Case::openedAt).thenComparing(c -> c.id().value())).limit(limit).toList();
  }

  @Override
  public synchronized List<Case> byCitizen(CitizenId citizen) {
    return cases.values().stream().filter(c -> c.citizen().equals(citizen))
        .sorted(Comparator.comparing(Case::openedAt).thenComparing(c -> c.id().value())).toList();
  }

  @Override
  public synchronized long nextSequence() {
    return ++sequence;
  }
}
