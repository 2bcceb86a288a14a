package org.onenumber.core.casework;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.onenumber.core.directory.Department;
import org.onenumber.core.error.InvalidInputException;

/**
 * When a case is due. The cases, in order:
 *
 * <ol>
 *   <li>A rule for the department and the category ({@code roads/pothole}: 7 working days).
 *   <li>A rule for the category in any department ({@code pothole}).
 *   <li>A rule for the department ({@code water}: 3 working days).
 *   <li>Otherwise the department's {@link Department#defaultCaseDue()}, in calendar time.
 * </ol>
 *
 * Working days come from the city's {@link WorkingDays}. Categories match case-insensitively.
 * Whether a reassigned case gets a fresh due date from its new department or keeps the one it had
 * is the receiving department's rule in {@code restartByDepartment}, else the city's
 * {@code restartOnReassign} ({@link #restartsOnReassignTo}). Immutable.
 *
 * @param workingDays rule keys {@code department/category}, {@code category} or {@code department/}
 * @param remindBefore how long before the due date the department is reminded
 * @param reopenWithin how long after resolution the citizen may reopen a case
 * @param restartByDepartment per department id, whether a case reassigned to it restarts its clock
 */
public record CaseDueRules(WorkingDays calendar, Map<String, Integer> workingDays, boolean restartOnReassign,
    Duration remindBefore, Duration reopenWithin, Map<String, Boolean> restartByDepartment) {

  /** The city's restart rule for every department. */
  public CaseDueRules(WorkingDays calendar, Map<String, Integer> workingDays, boolean restartOnReassign,
      Duration remindBefore, Duration reopenWithin) {
    this(calendar, workingDays, restartOnReassign, remindBefore, reopenWithin, Map.of());
  }

  public CaseDueRules {
    restartByDepartment = restartByDepartment == null ? Map.of() : Map.copyOf(lowerKeys(restartByDepartment,
        v -> true));
    InvalidInputException.require(calendar, "calendar");
    workingDays = Map.copyOf(workingDays == null ? Map.of() : lowerKeys(workingDays, v -> v != null && v >= 0));
    remindBefore = remindBefore == null ? Duration.ofHours(24) : remindBefore;
    reopenWithin = reopenWithin == null ? Duration.ofDays(14) : reopenWithin;
  }

  /** Calendar-time due dates from each department's default; reassignment restarts the clock. */
  public static CaseDueRules departmentDefaults(java.time.ZoneId zone) {
    return new CaseDueRules(new WorkingDays(zone, null, null), Map.of(), true, null, null);
  }

  /** Whether a case reassigned to {@code to} gets a fresh due date: its own rule, else the city's. */
  public boolean restartsOnReassignTo(Department to) {
    return restartByDepartment.getOrDefault(to.id().value().toLowerCase(Locale.ROOT), restartOnReassign);
  }

  public Instant dueAt(Department department, String category, Instant from) {
    String dept = department.id().value().toLowerCase(Locale.ROOT);
    String cat = category == null ? "" : category.strip().toLowerCase(Locale.ROOT);
    Integer days = workingDays.get(dept + "/" + cat);
    if (days == null) {
      days = workingDays.get(cat);
    }
    if (days == null) {
      days = workingDays.get(dept + "/");
    }
    return days == null ? from.plus(department.defaultCaseDue()) : calendar.plus(from, days);
  }

  private static <V> Map<String, V> lowerKeys(Map<String, V> rules, java.util.function.Predicate<V> valid) {
    Map<String, V> lower = new java.util.HashMap<>();
    rules.forEach((k, v) -> {
      if (v == null || !valid.test(v)) {
        throw new InvalidInputException("the due-date rule for " + k + " must be zero or more working days");
      }
      lower.put(k.strip().toLowerCase(Locale.ROOT), v);
    });
    return lower;
  }
}
