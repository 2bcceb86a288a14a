package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseStatus;

/** A case moved along its status history. */
public record CaseStatusChanged(CaseId caseId, CaseStatus from, CaseStatus to, String author, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "case.status-changed";
  }
}
