package org.onenumber.testkit;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.directory.DepartmentId;
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
  public synchronized long nextSequence() {
    return ++sequence;
  }
}
