package org.onenumber.server.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.welfare.CheckInMode;
import org.onenumber.core.welfare.Senior;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcSeniorRegistry;
import org.onenumber.server.welfare.WelfareIntervals;
import org.onenumber.testkit.WelfareScheduleContract;

/**
 * The welfare program's figures in the supervisors' interval report (#16): attempts, reached, not
 * reached and escalated per interval and district, from the schedule's tables (H2), and the CSV
 * with the contact figures' columns and the welfare columns side by side.
 */
class WelfareIntervalReportTest {

  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  private static final LocalDate DAY = LocalDate.of(2027, 3, 8);
  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final WelfareIntervals intervals = new WelfareIntervals(jdbc);

  private static Instant at(int hour, int minute) {
    return DAY.atTime(hour, minute).atZone(SEOUL).toInstant();
  }

  private static Senior senior(String id, String district) {
    Senior s = WelfareScheduleContract.senior(id, "+8210123" + id.substring(id.length() - 5), CheckInMode.AUTOMATED);
    return new Senior(s.id(), s.name(), s.phones(), s.address(), district, s.language(), s.consent(),
        s.emergencyContacts(), s.worker(), s.workerPhone(), s.windows(), s.mode(), s.careNotes(), s.enrolledOn(),
        s.endsOn());
  }

  private void attempt(String id, String senior, String state, String outcome, Instant startedAt) {
    jdbc.update("insert into welfare_attempt (id, senior_id, call_day, attempt_no, due_at, check_in_mode, state,"
        + " started_at, outcome) values (?, ?, ?, 1, ?, 'AUTOMATED', ?, ?, ?)", id, senior, DAY,
        startedAt == null ? at(16, 0) : startedAt, state, startedAt, outcome);
  }

  private void seed() {
    new JdbcSeniorRegistry(jdbc).saveAll(List.of(senior("WI-00001", "Jongno-gu"), senior("WI-00002", "Jongno-gu"),
        senior("WI-00003", "Mapo-gu")));
    attempt("wi-1", "WI-00001", "DONE", "WELL", at(10, 5));
    attempt("wi-2", "WI-00002", "DONE", "NO_ANSWER", at(10, 10));
    attempt("wi-3", "WI-00002", "DONE", "BUSY", at(10, 20));
    attempt("wi-4", "WI-00003", "DONE", "MACHINE", at(14, 0));
    attempt("wi-5", "WI-00003", "DONE", "WANTS_TO_TALK", at(14, 14));
    attempt("wi-6", "WI-00003", "SCHEDULED", null, null);
    attempt("wi-7", "WI-00001", "DONE", "WELL", at(10, 5).minusSeconds(86_400));
    jdbc.update("insert into welfare_escalation (attempt_id, senior_id, reason, contact_id, decided_at, case_id, done)"
        + " values ('wi-5', 'WI-00003', 'WANTS_TO_TALK', 'wi-k5', ?, 'C-WI-5', true)", at(14, 16));
  }

  private static Map<String, Object> row(List<Map<String, Object>> rows, String interval, String district) {
    return rows.stream().filter(r -> interval.equals(r.get("interval")) && district.equals(r.get("id"))).findFirst()
        .orElseThrow(() -> new AssertionError(interval + " " + district + " in " + rows));
  }

  private static List<Integer> figures(Map<String, Object> row) {
    return WelfareIntervals.COLUMNS.stream().map(c -> (Integer) row.get(c)).toList();
  }

  @Test
  void countsAttemptsReachedNotReachedAndEscalatedPerIntervalAndDistrict() {
    seed();
    List<Map<String, Object>> rows = intervals.rows(at(0, 0), at(0, 0).plusSeconds(86_400), 15);
    assertEquals(List.of(2, 1, 1, 0), figures(row(rows, at(10, 0).toString(), "Jongno-gu")));
    assertEquals(List.of(1, 0, 1, 0), figures(row(rows, at(10, 15).toString(), "Jongno-gu")));
    assertEquals(List.of(3, 1, 2, 0), figures(row(rows, "total", "Jongno-gu")), "yesterday's call is not today's");
    assertEquals(List.of(2, 1, 1, 0), figures(row(rows, at(14, 0).toString(), "Mapo-gu")));
    assertEquals(List.of(0, 0, 0, 1), figures(row(rows, at(14, 15).toString(), "Mapo-gu")));
    assertEquals(List.of(2, 1, 1, 1), figures(row(rows, "total", "Mapo-gu")));
    assertEquals(6, rows.size(), "only intervals with activity, then a total per district: " + rows);
    assertTrue(rows.stream().allMatch(r -> "welfare".equals(r.get("scope"))));
    List<Map<String, Object>> hourly = intervals.rows(at(0, 0), at(0, 0).plusSeconds(86_400), 60);
    assertEquals(List.of(3, 1, 2, 0), figures(row(hourly, at(10, 0).toString(), "Jongno-gu")));
  }

  @Test
  void theCsvCarriesTheContactColumnsAndTheWelfareColumnsEachRowFillingItsOwn() {
    seed();
    Map<String, Object> center = new LinkedHashMap<>();
    center.put("interval", "total");
    center.put("scope", "center");
    center.put("id", "center");
    center.put("offered", 12);
    List<Map<String, Object>> rows = new ArrayList<>(List.of(center));
    rows.addAll(intervals.rows(at(0, 0), at(0, 0).plusSeconds(86_400), 30));
    List<String> lines = IntervalReport.csv(rows).lines().toList();
    assertEquals("interval,scope,id,offered,welfareAttempts,welfareReached,welfareNotReached,welfareEscalated",
        lines.get(0));
    assertEquals("total,center,center,12,,,,", lines.get(1));
    assertTrue(lines.contains(at(10, 0) + ",welfare,Jongno-gu,,3,1,2,0"), String.join("\n", lines));
    assertTrue(lines.contains("total,welfare,Mapo-gu,,2,1,1,1"), String.join("\n", lines));
  }
}
