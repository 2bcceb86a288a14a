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
 * force, whether the answer was public), so that case is read again and its facts replaced;
 * {@link #figures} then runs them through {@link FiguresFold}, the batch's fold. Other events are
 * ignored.
 *
 * <p>Memory: a city keeps a million cases, so each case's facts are held packed (an estimated 150 bytes
 * with its key: department and category names shared, times as numbers, no {@link Case}), never
 * the case itself; start-up feeds stored cases one at a time to {@link #load(Case)}.
 *
 * <p>Thread-safe; {@link #on} reads the registry (blocking), so callers on an event loop hand it to
 * a worker.
 */
public final class LiveDepartmentPerformance {

  private final CaseRegistry cases;
  private final Map<String, Packed> facts = new ConcurrentHashMap<>();
  private final Map<String, String> names = new ConcurrentHashMap<>();

  public LiveDepartmentPerformance(CaseRegistry cases) {
    this.cases = cases;
  }

  /**
   * Starts from stored cases at start-up. A case an event already refreshed keeps those facts (the
   * event's read is the newer one), so subscribing before loading loses nothing.
   */
  public void load(Collection<Case> stored) {
    stored.forEach(this::load);
  }

  /** {@link #load(Collection)} for one case, for callers streaming a large store. */
  public void load(Case stored) {
    facts.computeIfAbsent(stored.id().value(), id -> pack(CaseFacts.of(stored)));
  }

  public void on(DomainEvent event) {
    switch (event) {
      case CaseOpened opened -> facts.putIfAbsent(opened.caseId().value(), pack(CaseFacts.opened(opened)));
      case CaseUpdated updated -> cases.find(updated.caseId()).ifPresent(c -> facts.put(c.id().value(), pack(CaseFacts.of(c))));
      default -> { }
    }
  }

  /** How many cases the figures cover. */
  public int size() {
    return facts.size();
  }

  public List<DepartmentFigures> figures(Instant now) {
    FiguresFold fold = new FiguresFold(now);
    for (Packed p : facts.values()) {
      fold.add(p.department, p.category, p.overdue(now), p.firstResponse, p.resolution, p.onTime, p.publicAnswer,
          p.reopened, p.rating);
    }
    return fold.figures();
  }

  private Packed pack(CaseFacts f) {
    return new Packed(shared(f.department().value()), shared(f.category()), f.done(), f.dueAt().getEpochSecond(),
        f.dueAt().getNano(), f.firstResponse() == null ? FiguresFold.NONE : f.firstResponse().toSeconds(),
        f.resolution() == null ? FiguresFold.NONE : f.resolution().toSeconds(), f.onTime(), f.publicAnswer(),
        f.reopened(), (byte) (f.rating() == null ? 0 : f.rating()));
  }

  private String shared(String name) {
    return names.computeIfAbsent(name, n -> n);
  }

  /** One case's {@link CaseFacts} in numbers: what {@link FiguresFold#add} takes, nothing more. */
  private record Packed(String department, String category, boolean done, long dueSecond, int dueNano,
      long firstResponse, long resolution, boolean onTime, boolean publicAnswer, boolean reopened, byte rating) {

    boolean overdue(Instant now) {
      return !done && (now.getEpochSecond() > dueSecond || now.getEpochSecond() == dueSecond && now.getNano() > dueNano);
    }
  }
}
