package org.onenumber.server.ops;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.analytics.CategoryTree;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.directory.Department;
import org.onenumber.core.performance.DepartmentFigures;
import org.onenumber.ops.sla.BatchServiceLevels;
import org.onenumber.ops.sla.Figures;
import org.onenumber.ops.sla.Scope;
import org.onenumber.ops.sla.ServiceLevelPolicy;
import org.onenumber.ops.sla.Window;
import org.onenumber.server.analytics.ContactCategories;
import org.onenumber.server.persistence.JdbcDirectory;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;

/**
 * The public transparency figures (issue 14, item 7), aggregates only: the whole center's service
 * level (answered within T), first-contact resolution and satisfaction for each of the last 31 days
 * and the last 6 months, recomputed in batch from stored timestamps and kept for a minute (the
 * expensive part); and each department's reply rate, on-time rate and median first-response and
 * resolution times from the live department figures (read each time); and the citizens' satisfaction
 * with the case answers per department and category (ratings, mean 1–5, share of 4–5), from the same
 * live figures, a category with fewer than {@code onenumber.analytics.export.min-cell} (5) ratings
 * shown as suppressed without its count or figures. A category's English name comes from the city's
 * category tree (the type of that department with that Korean name), else it is null. No contact,
 * citizen or case appears. Thread-safe.
 */
@Singleton
final class TransparencyFigures {

  static final int DAYS = 31;
  static final int MONTHS = 6;
  private static final Duration KEEP = Duration.ofMinutes(1);

  private final JdbcServiceLevelFacts facts;
  private final ContactCategories categories;
  private final ServiceLevelPolicy policy;
  private final DepartmentPerformanceFeed departments;
  private final JdbcDirectory directory;
  private final InstantSource clock;
  private final CategoryTree tree;
  private final int minCell;
  private volatile Instant levelsAt = Instant.MIN;
  private volatile Map<String, Object> levels = Map.of();

  TransparencyFigures(JdbcServiceLevelFacts facts, ContactCategories categories, ServiceLevelPolicy policy,
      DepartmentPerformanceFeed departments, JdbcDirectory directory, InstantSource clock, CategoryTree tree,
      @Value("${onenumber.analytics.export.min-cell:5}") int minCell) {
    this.facts = facts;
    this.categories = categories;
    this.policy = policy;
    this.departments = departments;
    this.directory = directory;
    this.clock = clock;
    this.tree = tree;
    this.minCell = minCell;
  }

  Map<String, Object> figures() {
    Instant now = clock.instant();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("at", now.toString());
    out.put("thresholdSeconds", policy.threshold().toSeconds());
    out.putAll(levels(now));
    List<DepartmentFigures> live = departments.live(now);
    out.put("departments", departments(live));
    out.put("minRatings", minCell);
    out.put("categories", categories(live));
    return out;
  }

  private synchronized Map<String, Object> levels(Instant now) {
    if (now.isBefore(levelsAt.plus(KEEP)) && !now.isBefore(levelsAt)) {
      return levels;
    }
    ZoneId zone = policy.zone();
    LocalDate today = now.atZone(zone).toLocalDate();
    LocalDate firstDay = today.minusDays(DAYS - 1L);
    LocalDate firstMonth = today.withDayOfMonth(1).minusMonths(MONTHS - 1L);
    LocalDate from = firstMonth.isBefore(firstDay) ? firstMonth : firstDay;
    Instant start = from.atStartOfDay(zone).toInstant();
    Instant until = now.plusSeconds(1);
    BatchServiceLevels batch = BatchServiceLevels.compute(categories.contactsCreated(start, until),
        facts.agentChanges(start, until), facts.surveys(start, until), facts.escalated(start, until), policy, now);
    List<Map<String, Object>> days = new ArrayList<>();
    for (LocalDate d = firstDay; !d.isAfter(today); d = d.plusDays(1)) {
      days.add(period(batch, d.toString(), d, d.plusDays(1), now));
    }
    List<Map<String, Object>> months = new ArrayList<>();
    for (LocalDate m = firstMonth; !m.isAfter(today); m = m.plusMonths(1)) {
      months.add(period(batch, m.toString().substring(0, 7), m, m.plusMonths(1), now));
    }
    levels = Map.of("days", days, "months", months);
    levelsAt = now;
    return levels;
  }

  private Map<String, Object> period(BatchServiceLevels batch, String label, LocalDate from, LocalDate to,
      Instant now) {
    Instant start = from.atStartOfDay(policy.zone()).toInstant();
    Figures f = batch.figures(Scope.CENTER,
        new Window.Fixed(start, Duration.between(start, to.atStartOfDay(policy.zone()).toInstant())), now);
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("period", label);
    row.put("offered", f.offered());
    row.put("serviceLevel", f.offered() == 0 ? null : FigureJson.number(f.serviceLevel()));
    row.put("fcr", f.offered() == 0 ? null : FigureJson.number(f.fcr()));
    row.put("satisfaction", f.surveys() == 0 ? null : FigureJson.number(f.satisfaction()));
    return row;
  }

  private Map<String, Department> known() {
    Map<String, Department> known = new LinkedHashMap<>();
    directory.departments().forEach(d -> known.put(d.id().value(), d));
    return known;
  }

  private List<Map<String, Object>> categories(List<DepartmentFigures> live) {
    Map<String, Department> known = known();
    Map<String, String> english = new LinkedHashMap<>();
    for (ComplaintType type : tree.types()) {
      english.putIfAbsent(type.department() + "\n" + type.nameKo(), type.nameEn());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DepartmentFigures f : live) {
      if (DepartmentFigures.ALL.equals(f.category()) || !known.containsKey(f.department())) {
        continue;
      }
      boolean suppressed = f.rated() < Math.max(1, minCell);
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("department", f.department());
      row.put("nameKo", f.category());
      row.put("nameEn", english.get(f.department() + "\n" + f.category()));
      row.put("suppressed", suppressed);
      row.put("rated", suppressed ? null : f.rated());
      row.put("satisfaction", suppressed ? null : FigureJson.number(f.satisfaction()));
      row.put("satisfiedShare", suppressed ? null : FigureJson.number((double) f.highRated() / f.rated()));
      rows.add(row);
    }
    return rows;
  }

  private List<Map<String, Object>> departments(List<DepartmentFigures> live) {
    Map<String, Department> known = known();
    List<Map<String, Object>> rows = new ArrayList<>();
    for (DepartmentFigures f : live) {
      Department d = known.get(f.department());
      if (!DepartmentFigures.ALL.equals(f.category()) || d == null) {
        continue;
      }
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("department", f.department());
      row.put("nameKo", d.nameKo());
      row.put("nameEn", d.nameEn());
      row.put("received", f.received());
      row.put("replyRate", f.replyRate() == null ? null : FigureJson.number(f.replyRate()));
      row.put("onTimeRate", f.received() == 0 ? null : FigureJson.number((double) f.answeredOnTime() / f.received()));
      row.put("firstResponseMedianSeconds", f.firstResponseMedianSeconds());
      row.put("resolutionMedianSeconds", f.resolutionMedianSeconds());
      row.put("satisfaction", f.satisfaction() == null ? null : FigureJson.number(f.satisfaction()));
      row.put("rated", f.rated());
      rows.add(row);
    }
    return rows;
  }
}
