package org.onenumber.server.welfare;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.onenumber.core.welfare.WelfareSettings;
import org.onenumber.server.persistence.Jdbc;

/**
 * The welfare program's reports for its supervisors, read from the schedule's tables: the
 * escalations of the last days (who was not reached or asked for help, and what became of the
 * welfare case: its status, and its outcome once ended), and per-district figures (enrolled, attempts, reached, not reached, escalated).
 * Days are the program's calendar days in its zone. Thread-safe.
 */
@Singleton
final class WelfareReports {

  /** The most escalations one answer lists (a list page, not an export). */
  static final int MAX_ESCALATIONS = 200;

  /**
   * One escalation: the senior (id only), why, when, the case opened for the district's welfare
   * team, its status and — once the team ended it — its outcome ({@code WelfareCaseOutcome}, or null).
   */
  @Serdeable
  record EscalationRow(String attemptId, String seniorId, String district, String reason, Instant decidedAt,
      String caseId, String caseStatus, boolean done, String outcome) {}

  /** One district's figures over the days asked for. */
  @Serdeable
  record DistrictRow(String district, int enrolled, int attempts, int reached, int notReached, int escalated,
      double reachedPercent) {}

  private final Jdbc jdbc;
  private final WelfareSettings settings;

  WelfareReports(Jdbc jdbc, WelfareSettings settings) {
    this.jdbc = jdbc;
    this.settings = settings;
  }

  /** Escalations decided from the start of {@code from} on, newest first, at most {@link #MAX_ESCALATIONS}. */
  List<EscalationRow> escalations(LocalDate from) {
    return jdbc.query("select e.attempt_id, e.senior_id, s.district, e.reason, e.decided_at, e.case_id, e.done, e.outcome,"
        + " c.status from welfare_escalation e join welfare_senior s on s.id = e.senior_id"
        + " left join case_file c on c.id = e.case_id where e.decided_at >= ? order by e.decided_at desc, e.attempt_id"
        + " limit " + MAX_ESCALATIONS, row -> new EscalationRow(row.getString("attempt_id"), row.getString("senior_id"),
            row.getString("district"), row.getString("reason"), Jdbc.instant(row, "decided_at"),
            row.getString("case_id"), row.getString("status"), row.getBoolean("done"), row.getString("outcome")),
        start(from));
  }

  /** Each district's figures for the days [from, to], by district name. */
  List<DistrictRow> districts(LocalDate from, LocalDate to) {
    Map<String, int[]> figures = new TreeMap<>();
    jdbc.query("select district, count(*) from welfare_senior where enrolled_on <= ? and (ends_on is null"
        + " or ends_on >= ?) and anonymised_at is null group by district", row -> {
          figures.computeIfAbsent(row.getString(1), d -> new int[5])[0] = row.getInt(2);
          return null;
        }, to, from);
    jdbc.query("select s.district, count(*), sum(case when a.outcome in ('WELL', 'WANTS_TO_TALK', 'CONCERN')"
        + " then 1 else 0 end) from welfare_attempt a join welfare_senior s on s.id = a.senior_id"
        + " where a.call_day between ? and ? and a.state = 'DONE' and a.outcome <> 'WITHDRAWN' group by s.district",
        row -> {
          int[] f = figures.computeIfAbsent(row.getString(1), d -> new int[5]);
          f[1] = row.getInt(2);
          f[2] = row.getInt(3);
          f[3] = f[1] - f[2];
          return null;
        }, from, to);
    jdbc.query("select s.district, count(*) from welfare_escalation e join welfare_senior s on s.id = e.senior_id"
        + " where e.decided_at >= ? and e.decided_at < ? group by s.district", row -> {
          figures.computeIfAbsent(row.getString(1), d -> new int[5])[4] = row.getInt(2);
          return null;
        }, start(from), start(to.plusDays(1)));
    return figures.entrySet().stream().map(e -> {
      int[] f = e.getValue();
      return new DistrictRow(e.getKey(), f[0], f[1], f[2], f[3], f[4], f[1] == 0 ? 0 : Math.round(1000.0 * f[2] / f[1])
          / 10.0);
    }).toList();
  }

  /** Today in the program's zone. */
  LocalDate today(Instant now) {
    return settings.calendar().day(now);
  }

  private Instant start(LocalDate day) {
    return day.atStartOfDay(settings.calendar().zone()).toInstant();
  }
}
