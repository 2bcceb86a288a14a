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
 * Department figures kept live from case events. The events say which case changed but not all
 * that a figure needs (the due date in force, whether the answer was public), so on
 * {@link CaseOpened} and {@link CaseUpdated} the case is read again and its {@link CaseFacts}
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
    CaseId id = switch (event) {
      case CaseOpened opened -> opened.caseId();
      case CaseUpdated updated -> updated.caseId();
      default -> null;
    };
    if (id != null) {
      cases.find(id).ifPresent(c -> facts.put(c.id(), CaseFacts.of(c)));
    }
  }

  public List<DepartmentFigures> figures(Instant now) {
    return DepartmentPerformance.figures(facts.values(), now);
  }
}
