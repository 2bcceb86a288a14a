package org.onenumber.core.performance;

/**
 * One department's figures for one category ({@link #ALL} for all its categories). Times are whole
 * seconds, null when no case has one yet; rates are 0..1, null when there is nothing to divide by.
 *
 * @param received cases the department holds (reassigned cases count where they are now)
 * @param answeredOnTime cases resolved at or before their due date
 * @param overdue cases not done whose due date has passed
 * @param replyRate cases resolved with a public answer ÷ received
 * @param reopenRate cases ever reopened ÷ cases resolved at least once (resolved now or reopened)
 * @param satisfaction the mean of the citizens' ratings of the answers (1–5), null when none rated
 * @param rated cases whose citizen rated the answer (the satisfaction's count)
 * @param lowRated rated cases whose rating is low (2 or less): the supervisor's follow-ups
 * @param highRated rated cases whose rating is 4 or 5 (the satisfied share's count)
 */
public record DepartmentFigures(String department, String category, int received, int answeredOnTime,
    Long firstResponseMedianSeconds, Long firstResponseP90Seconds, Long resolutionMedianSeconds,
    Long resolutionP90Seconds, int overdue, Double replyRate, Double reopenRate, Double satisfaction, int rated,
    int lowRated, int highRated) {

  /** The category of a department's total row. */
  public static final String ALL = "*";
}
