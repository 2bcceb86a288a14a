package org.onenumber.core.performance;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.onenumber.core.casework.Case;

/**
 * Department figures from case facts, by {@link FiguresFold} (the one fold behind every figure):
 * grouped by department and category with a total row per department (category
 * {@link DepartmentFigures#ALL}); received, answered on time, overdue at {@code now}, reply and
 * reopen rates, median and p90 of first response and resolution times by nearest rank over the cases
 * that have one, and satisfaction. Rows are sorted by department, then category with the total
 * first. Pure and thread-safe.
 */
public final class DepartmentPerformance {

  private DepartmentPerformance() {}

  /** The batch over cases in memory (tests, small sets); the server streams into a {@link FiguresFold}. */
  public static List<DepartmentFigures> of(Collection<Case> cases, Instant now) {
    FiguresFold fold = new FiguresFold(now);
    cases.forEach(c -> fold.add(CaseFacts.of(c)));
    return fold.figures();
  }

  public static List<DepartmentFigures> figures(Collection<CaseFacts> facts, Instant now) {
    FiguresFold fold = new FiguresFold(now);
    facts.forEach(fold::add);
    return fold.figures();
  }
}
