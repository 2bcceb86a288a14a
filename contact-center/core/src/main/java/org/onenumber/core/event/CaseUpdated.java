package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.directory.DepartmentId;

/**
 * A row was appended to a case's history (every change: notes, questions, replies, reassignments,
 * merges, reminders, overdue escalations, status moves). {@code version} is the case's version after
 * it; {@code department} the owning department after it. A move of status is also a
 * {@link CaseStatusChanged}.
 */
public record CaseUpdated(CaseId caseId, DepartmentId department, CaseEntryKind kind, CaseStatus status,
    String author, int version, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "case.updated";
  }
}
