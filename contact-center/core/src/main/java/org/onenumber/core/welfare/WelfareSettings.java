package org.onenumber.core.welfare;

import java.time.Duration;
import java.util.Map;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;

/**
 * How the program runs.
 *
 * @param departments the welfare department of each district; {@code fallback} for any other
 * @param smsReplyWindow how long a text check-in waits for "1" before it counts as not reached
 */
public record WelfareSettings(ProgramCalendar calendar, int callsPerWeek, RetryPolicy retry,
    EscalationLadder ladder, Map<String, DepartmentId> departments, DepartmentId fallback, Duration smsReplyWindow) {

  public WelfareSettings {
    InvalidInputException.require(calendar, "calendar");
    InvalidInputException.require(retry, "retry");
    InvalidInputException.require(ladder, "ladder");
    departments = Map.copyOf(departments == null ? Map.of() : departments);
    InvalidInputException.require(fallback, "fallback department");
    InvalidInputException.require(smsReplyWindow, "SMS reply window");
  }

  public DepartmentId department(String district) {
    return departments.getOrDefault(district, fallback);
  }
}
