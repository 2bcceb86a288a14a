package org.onenumber.core.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case is. {@code OPEN} on escalation; the department moves it to {@code IN_PROGRESS},
 * may wait on the citizen, and ends it {@code RESOLVED} (then {@code CLOSED} once the citizen is
 * told) or {@code REJECTED} (not the city's business, duplicate).
 */
public enum CaseStatus {
  OPEN,
  IN_PROGRESS,
  WAITING_ON_CITIZEN,
  RESOLVED,
  REJECTED,
  CLOSED;

  public boolean canMoveTo(CaseStatus next) {
    return successors().contains(next);
  }

  public Set<CaseStatus> successors() {
    return switch (this) {
      case OPEN -> EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED);
      case IN_PROGRESS -> EnumSet.of(WAITING_ON_CITIZEN, RESOLVED, REJECTED);
      case WAITING_ON_CITIZEN -> EnumSet.of(IN_PROGRESS, RESOLVED, REJECTED);
      case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
      case REJECTED -> EnumSet.of(CLOSED);
      case CLOSED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  /** Open311's two-valued status for this one. */
  public String open311() {
    return this == RESOLVED || this == REJECTED || this == CLOSED ? "closed" : "open";
  }
}
