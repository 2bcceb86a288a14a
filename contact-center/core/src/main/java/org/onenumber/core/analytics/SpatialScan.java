package org.onenumber.core.analytics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Hotspots of one window with no history of its own (an imported export, a single night): each
 * located observation is counted in its grid cell; a cell is hot when its count is improbable
 * under Poisson(the window's mean count per occupied cell), P(X ≥ count) below {@code alpha}
 * shared by the occupied cells (Bonferroni). Unlike {@link LiveSurveillance} this compares a cell
 * with the city's other cells in the same window, not with its own past. Pure function.
 */
public final class SpatialScan {

  private SpatialScan() {}

  /** One occupied cell: centre, count, the window's expected count, p, hot or not, top categories. */
  public record Cell(String key, double latitude, double longitude, int count, double expected, double pValue,
      boolean hot, Map<String, Integer> categories) {}

  /** Every occupied cell, most observations first (ties by key); unlocated observations are skipped. */
  public static List<Cell> scan(List<Observation> observations, double cellDegrees, double alpha) {
    SurveillanceSettings grid = new SurveillanceSettings(SurveillanceSettings.daily().origin(),
        SurveillanceSettings.daily().period(), alpha, 0.1, 0, 0.5, 1, cellDegrees, cellDegrees);
    Map<String, List<Observation>> cells = new HashMap<>();
    int located = 0;
    for (Observation o : observations) {
      for (String key : IssueKeys.hotspots(o, grid)) {
        cells.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
        located++;
      }
    }
    if (cells.isEmpty()) {
      return List.of();
    }
    double expected = located / (double) cells.size();
    double threshold = alpha / cells.size();
    List<Cell> out = new ArrayList<>();
    for (Map.Entry<String, List<Observation>> e : cells.entrySet()) {
      int count = e.getValue().size();
      double p = PoissonTail.atLeast(count, expected);
      double[] centre = IssueKeys.centre(e.getKey(), cellDegrees);
      out.add(new Cell(e.getKey(), centre[0], centre[1], count, expected, p, p < threshold, top(e.getValue(), 3)));
    }
    out.sort(Comparator.comparingInt(Cell::count).reversed().thenComparing(Cell::key));
    return out;
  }

  private static Map<String, Integer> top(List<Observation> in, int n) {
    Map<String, Integer> counts = new TreeMap<>();
    in.forEach(o -> counts.merge(o.category() == null ? "" : o.category(), 1, Integer::sum));
    Map<String, Integer> top = new LinkedHashMap<>();
    counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(n)
        .forEach(e -> top.put(e.getKey(), e.getValue()));
    return top;
  }
}
