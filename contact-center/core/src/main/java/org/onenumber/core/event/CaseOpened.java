package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;

/** A contact was escalated: a department now owns a case, due at {@code dueAt}. */
public record CaseOpened(CaseId caseId, DepartmentId department, String category, ContactId contact,
    Instant dueAt, Instant at) implements DomainEvent {
  @Override
  public String type() {
    return "case.opened";
  }
}
