package org.onenumber.core.welfare;

import java.time.Instant;
import java.time.LocalDate;

/** One call of a week's plan: the senior, the day (in the program's zone) and when it is due. */
public record PlannedCall(SeniorId senior, LocalDate day, Instant dueAt) {}
