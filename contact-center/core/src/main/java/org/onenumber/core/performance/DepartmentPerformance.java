package org.onenumber.core.performance;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseSatisfaction;

/**
 * The one function behind every department figure. Groups case facts by department and category,
 * adds a total row per department (category {@link DepartmentFigures#ALL}), and computes each row:
 *
 * <ol>
 *   <li>received: the cases in the group;
 *   <li>answered on time, overdue (at {@code now}), reply rate and reopen rate as defined on
 *       {@link DepartmentFigures};
 *   <li>median and p90 of the first response and resolution times, by nearest rank over the cases
 *       that have one;
 *   <li>satisfaction: the mean of the cases' latest ratings over the rated cases, with their count
 *       and the counts of low (2 or less) and high (4 or 5) ones.
 * </ol>
 *
 * Rows are sorted by department, then category with the total first. Pure and thread-safe.
 */
public final class DepartmentPerformance {

  private DepartmentPerformance() {}

  /** The batch: figures recomputed from stored cases. */
  public static List<DepartmentFigures> of(Collection<Case> cases, Instant now) {
    return figures(cases.stream().map(CaseFacts::of).toList(), now);
  }

  public static List<DepartmentFigures> figures(Collection<CaseFacts> facts, Instant now) {
    Map<String, Map<String, List<CaseFacts>>> groups = new TreeMap<>();
    for (CaseFacts f : facts) {
      Map<String, List<CaseFacts>> byCategory = groups.computeIfAbsent(f.department().value(), d -> new TreeMap<>());
      byCategory.computeIfAbsent(DepartmentFigures.ALL, c -> new ArrayList<>()).add(f);
      byCategory.computeIfAbsent(f.category(), c -> new ArrayList<>()).add(f);
    }
    List<DepartmentFigures> rows = new ArrayList<>();
    groups.forEach((department, byCategory) ->
        byCategory.forEach((category, group) -> rows.add(row(department, category, group, now))));
    return List.copyOf(rows);
  }

  private static DepartmentFigures row(String department, String category, List<CaseFacts> group, Instant now) {
    int received = group.size();
    int onTime = 0;
    int overdue = 0;
    int replied = 0;
    int everResolved = 0;
    int reopened = 0;
    int rated = 0;
    int ratingSum = 0;
    int low = 0;
    int high = 0;
    List<Long> firstResponses = new ArrayList<>();
    List<Long> resolutions = new ArrayList<>();
    for (CaseFacts f : group) {
      onTime += f.onTime() ? 1 : 0;
      overdue += f.overdue(now) ? 1 : 0;
      replied += f.publicAnswer() ? 1 : 0;
      everResolved += f.resolved() || f.reopened() ? 1 : 0;
      reopened += f.reopened() ? 1 : 0;
      if (f.rating() != null) {
        rated++;
        ratingSum += f.rating();
        low += f.rating() <= CaseSatisfaction.LOW ? 1 : 0;
        high += f.rating() >= CaseSatisfaction.HIGH ? 1 : 0;
      }
      add(firstResponses, f.firstResponse());
      add(resolutions, f.resolution());
    }
    return new DepartmentFigures(department, category, received, onTime, rank(firstResponses, 50),
        rank(firstResponses, 90), rank(resolutions, 50), rank(resolutions, 90), overdue, rate(replied, received),
        rate(reopened, everResolved), rated == 0 ? null : (double) ratingSum / rated, rated, low, high);
  }

  private static void add(List<Long> seconds, Duration d) {
    if (d != null) {
      seconds.add(d.toSeconds());
    }
  }

  /** Nearest-rank percentile: the smallest value with at least {@code pct}% of the values at or below it. */
  static Long rank(List<Long> values, int pct) {
    if (values.isEmpty()) {
      return null;
    }
    List<Long> sorted = values.stream().sorted().toList();
    int index = (int) Math.ceil(pct / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, index));
  }

  private static Double rate(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
