package org.onenumber.server.ops;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.onenumber.ops.sla.BatchServiceLevels;
import org.onenumber.ops.sla.Figures;
import org.onenumber.ops.sla.Scope;
import org.onenumber.ops.sla.Window;

/**
 * Lays batch figures out as report rows: for each scope (center first, then queues, channels,
 * languages, agents), one row per interval with activity, then a {@code total} row for the whole
 * day (the same window the live "today" figures use). Then issue 18's figures: scope {@code
 * category}, the day's most frequent categories (the operator's disposition, else the guess) and
 * {@code other} (the rest and contacts without one), each with the center's figures of its own
 * contacts only — offered, self-served, handled, FCR, ... per interval; occupancy is the agents'
 * and has no per-category value (empty). Stateless.
 */
final class IntervalReport {

  /** The id of the category rows that gather the categories beyond the top ones. */
  static final String OTHER = "other";

  private IntervalReport() {}

  static List<Map<String, Object>> rows(BatchServiceLevels batch, Instant start, Instant end, int minutes, Instant now) {
    List<Scope> scopes = new ArrayList<>(batch.scopes());
    scopes.sort(Comparator.comparing((Scope s) -> s.kind().ordinal()).thenComparing(Scope::id));
    if (!scopes.contains(Scope.CENTER)) {
      scopes.add(0, Scope.CENTER);
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Scope scope : scopes) {
      rows.addAll(scopeRows(batch, scope, scope.kind().name().toLowerCase(Locale.ROOT), scope.id(), start, end, minutes, now));
    }
    return rows;
  }

  /**
   * The category rows: for each category's figures in order (the day's most frequent categories,
   * then {@link #OTHER}), the center's figures of that category's own contacts.
   */
  static List<Map<String, Object>> categoryRows(Map<String, BatchServiceLevels> categories, Instant start,
      Instant end, int minutes, Instant now) {
    List<Map<String, Object>> rows = new ArrayList<>();
    categories.forEach((category, batch) ->
        rows.addAll(scopeRows(batch, Scope.CENTER, "category", category, start, end, minutes, now)));
    return rows;
  }

  private static List<Map<String, Object>> scopeRows(BatchServiceLevels batch, Scope scope, String kind, String id,
      Instant start, Instant end, int minutes, Instant now) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Instant t = start; t.isBefore(end) && !t.isAfter(now); t = t.plus(Duration.ofMinutes(minutes))) {
      Figures f = batch.figures(scope, new Window.Fixed(t, Duration.ofMinutes(minutes)), now);
      boolean selfServed = "category".equals(kind) && f.selfServed() > 0;
      if (f.offered() > 0 || f.handled() > 0 || selfServed || !Double.isNaN(f.occupancy())) {
        rows.add(row(kind, id, t.toString(), f));
      }
    }
    long days = Duration.between(start, end).toMinutes();
    rows.add(row(kind, id, "total", batch.figures(scope, new Window.Fixed(start, Duration.ofMinutes(days)), now)));
    return rows;
  }

  private static Map<String, Object> row(String kind, String id, String interval, Figures f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("interval", interval);
    row.put("scope", kind);
    row.put("id", id);
    row.putAll(FigureJson.figures(f));
    return row;
  }

  /**
   * The rows as CSV: the header is every column of every row in order of first appearance (the
   * contact figures, then the welfare program's); a row without a column leaves its cell empty.
   */
  static String csv(List<Map<String, Object>> rows) {
    StringBuilder out = new StringBuilder();
    if (rows.isEmpty()) {
      return "";
    }
    java.util.Set<String> columns = new java.util.LinkedHashSet<>();
    rows.forEach(row -> columns.addAll(row.keySet()));
    out.append(String.join(",", columns)).append('\n');
    for (Map<String, Object> row : rows) {
      List<String> cells = new ArrayList<>();
      columns.forEach(column -> cells.add(cell(row.get(column))));
      out.append(String.join(",", cells)).append('\n');
    }
    return out.toString();
  }

  private static String cell(Object v) {
    if (v == null) {
      return "";
    }
    String s = v.toString();
    return s.matches("[A-Za-z0-9:._+-]*") ? s : "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
