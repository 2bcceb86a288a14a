package org.onenumber.core.performance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onenumber.core.casework.CaseSatisfaction;

/**
 * The one fold behind every department figure, one case at a time, never holding a case: per
 * department and category (and the department's total row, category {@link DepartmentFigures#ALL})
 * it keeps counters and the first response and resolution seconds (at most two longs per case and
 * row, for the exact nearest-rank percentiles: about 32 MB for a million cases). The batch streams stored cases into
 * it; the live figures stream their packed facts into it; so both give the same figures.
 *
 * <p>Per case: received; answered on time; overdue at {@code now}; reply rate and reopen rate as
 * defined on {@link DepartmentFigures}; satisfaction as the mean of the latest ratings over the rated
 * cases with the counts of low (2 or less) and high (4 or 5) ones. Not thread-safe: one fold per
 * computation.
 */
public final class FiguresFold {

  /** A missing time (no first response yet, not resolved). */
  public static final long NONE = Long.MIN_VALUE;

  private final Instant now;
  private final Map<String, Map<String, Group>> groups = new TreeMap<>();

  public FiguresFold(Instant now) {
    this.now = now;
  }

  public FiguresFold add(CaseFacts f) {
    return add(f.department().value(), f.category(), f.overdue(now), f.firstResponse() == null ? NONE
        : f.firstResponse().toSeconds(), f.resolution() == null ? NONE : f.resolution().toSeconds(), f.onTime(),
        f.publicAnswer(), f.reopened(), f.rating() == null ? 0 : f.rating());
  }

  /**
   * One case's contribution.
   *
   * @param firstResponse seconds, or {@link #NONE}
   * @param resolution seconds, or {@link #NONE} while not resolved
   * @param rating the latest rating 1–5, or 0 when none
   */
  public FiguresFold add(String department, String category, boolean overdue, long firstResponse, long resolution,
      boolean onTime, boolean publicAnswer, boolean reopened, int rating) {
    Map<String, Group> byCategory = groups.computeIfAbsent(department, d -> new TreeMap<>());
    for (String c : new String[] {DepartmentFigures.ALL, category}) {
      byCategory.computeIfAbsent(c, k -> new Group())
          .add(overdue, firstResponse, resolution, onTime, publicAnswer, reopened, rating);
    }
    return this;
  }

  /** Rows sorted by department, then category with the total first. */
  public List<DepartmentFigures> figures() {
    List<DepartmentFigures> rows = new ArrayList<>();
    groups.forEach((department, byCategory) ->
        byCategory.forEach((category, group) -> rows.add(group.row(department, category))));
    return List.copyOf(rows);
  }

  private static final class Group {
    private int received;
    private int onTime;
    private int overdue;
    private int replied;
    private int everResolved;
    private int reopened;
    private int rated;
    private int ratingSum;
    private int low;
    private int high;
    private final Seconds firstResponses = new Seconds();
    private final Seconds resolutions = new Seconds();

    void add(boolean late, long firstResponse, long resolution, boolean inTime, boolean publicAnswer,
        boolean wasReopened, int rating) {
      received++;
      onTime += inTime ? 1 : 0;
      overdue += late ? 1 : 0;
      replied += publicAnswer ? 1 : 0;
      everResolved += resolution != NONE || wasReopened ? 1 : 0;
      reopened += wasReopened ? 1 : 0;
      if (rating > 0) {
        rated++;
        ratingSum += rating;
        low += rating <= CaseSatisfaction.LOW ? 1 : 0;
        high += rating >= CaseSatisfaction.HIGH ? 1 : 0;
      }
      firstResponses.add(firstResponse);
      resolutions.add(resolution);
    }

    DepartmentFigures row(String department, String category) {
      return new DepartmentFigures(department, category, received, onTime, firstResponses.rank(50),
          firstResponses.rank(90), resolutions.rank(50), resolutions.rank(90), overdue, rate(replied, received),
          rate(reopened, everResolved), rated == 0 ? null : (double) ratingSum / rated, rated, low, high);
    }
  }

  /** A growable array of seconds, sorted once when a percentile is asked. */
  private static final class Seconds {
    private long[] values = new long[8];
    private int size;
    private boolean sorted = true;

    void add(long seconds) {
      if (seconds == NONE) {
        return;
      }
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      sorted &= size == 0 || values[size - 1] <= seconds;
      values[size++] = seconds;
    }

    /** Nearest rank: the smallest value with at least {@code pct}% of the values at or below it. */
    Long rank(int pct) {
      if (size == 0) {
        return null;
      }
      if (!sorted) {
        Arrays.sort(values, 0, size);
        sorted = true;
      }
      int index = (int) Math.ceil(pct / 100.0 * size) - 1;
      return values[Math.max(0, index)];
    }
  }

  private static Double rate(int part, int whole) {
    return whole == 0 ? null : (double) part / whole;
  }
}
