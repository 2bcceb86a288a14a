package org.onenumber.core.performance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.event.CaseOpened;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.CaseRegistry;

/**
 * Department figures kept live from case events. {@link CaseOpened} carries all a new case
 * contributes (department, category, opening and due date; nothing answered yet), so its facts
 * come from the event without reading the case (kept if a later change's read got there first).
 * {@link CaseUpdated} says which case changed but not all that a figure needs (the due date in
 * force, whether the answer was public), so that case is read again and its {@link CaseFacts}
 * replaced; {@link #figures} then runs {@link DepartmentPerformance#figures}, the batch's function.
 * Other events are ignored. Thread-safe; {@link #on} reads the registry (blocking), so callers on an
 * event loop hand it to a worker.
 */
public final class LiveDepartmentPerformance {

  private final CaseRegistry cases;
  private final Map<CaseId, CaseFacts> facts = new ConcurrentHashMap<>();

  public LiveDepartmentPerformance(CaseRegistry cases) {
    this.cases = cases;
  }

  /**
   * Starts from stored cases at start-up. A case an event already refreshed keeps those facts (the
   * event's read is the newer one), so subscribing before loading loses nothing.
   */
  public void load(Collection<Case> stored) {
    for (Case c : stored) {
      facts.putIfAbsent(c.id(), CaseFacts.of(c));
    }
  }

  public void on(DomainEvent event) {
    switch (event) {
      case CaseOpened opened -> facts.putIfAbsent(opened.caseId(), CaseFacts.opened(opened));
      case CaseUpdated updated -> cases.find(updated.caseId()).ifPresent(c -> facts.put(c.id(), CaseFacts.of(c)));
      default -> { }
    }
  }

  public List<DepartmentFigures> figures(Instant now) {
    return DepartmentPerformance.figures(facts.values(), now);
  }
}
