package org.onenumber.server.welfare;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onenumber.server.persistence.Jdbc;

/**
 * The welfare program's figures per report interval and district, for the supervisors' interval
 * report ({@code GET /api/v1/reports/intervals}): calls placed in the interval ({@code
 * welfareAttempts}: attempts that ended, by their start), of which reached (well, wants to talk, an
 * operator's concern) and not reached (no answer, busy, failed, machine), and seniors escalated
 * (by when the escalation was decided). One row per district and interval with activity, then a
 * {@code total} row per district; scope {@code welfare}, id the district. Thread-safe.
 */
@Singleton
public final class WelfareIntervals {

  /** The columns each row adds to the interval report. */
  public static final List<String> COLUMNS = List.of("welfareAttempts", "welfareReached", "welfareNotReached",
      "welfareEscalated");

  private final Jdbc jdbc;

  public WelfareIntervals(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Rows for the intervals of {@code minutes} from {@code start} to {@code end}. */
  public List<Map<String, Object>> rows(Instant start, Instant end, int minutes) {
    long length = Duration.ofMinutes(minutes).toMillis();
    int slots = (int) ((end.toEpochMilli() - start.toEpochMilli() + length - 1) / length);
    Map<String, int[][]> byDistrict = new TreeMap<>();
    jdbc.query("select s.district, a.started_at, case when a.outcome in ('WELL', 'WANTS_TO_TALK', 'CONCERN')"
        + " then 1 else 0 end as reached from welfare_attempt a join welfare_senior s on s.id = a.senior_id"
        + " where a.started_at >= ? and a.started_at < ? and a.state = 'DONE' and a.outcome <> 'WITHDRAWN'", r -> {
          int[] f = slot(byDistrict, r.getString(1), slots, Jdbc.instant(r, "started_at"), start, length);
          f[0]++;
          f[r.getInt("reached") == 1 ? 1 : 2]++;
          return null;
        }, start, end);
    jdbc.query("select s.district, e.decided_at from welfare_escalation e join welfare_senior s on s.id = e.senior_id"
        + " where e.decided_at >= ? and e.decided_at < ?", r -> {
          slot(byDistrict, r.getString(1), slots, Jdbc.instant(r, "decided_at"), start, length)[3]++;
          return null;
        }, start, end);
    List<Map<String, Object>> rows = new ArrayList<>();
    byDistrict.forEach((district, figures) -> {
      int[] total = new int[4];
      for (int i = 0; i < slots; i++) {
        int[] f = figures[i];
        if (f[0] + f[3] > 0) {
          rows.add(row(start.plusMillis(i * length).toString(), district, f));
          for (int k = 0; k < 4; k++) {
            total[k] += f[k];
          }
        }
      }
      rows.add(row("total", district, total));
    });
    return rows;
  }

  private static int[] slot(Map<String, int[][]> byDistrict, String district, int slots, Instant at, Instant start,
      long length) {
    int[][] figures = byDistrict.computeIfAbsent(district, d -> new int[slots][4]);
    return figures[(int) Math.min(slots - 1, (at.toEpochMilli() - start.toEpochMilli()) / length)];
  }

  private static Map<String, Object> row(String interval, String district, int[] f) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("interval", interval);
    row.put("scope", "welfare");
    row.put("id", district);
    for (int k = 0; k < COLUMNS.size(); k++) {
      row.put(COLUMNS.get(k), f[k]);
    }
    return row;
  }
}
