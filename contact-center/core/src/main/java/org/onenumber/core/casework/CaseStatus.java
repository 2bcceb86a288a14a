package org.onenumber.core.casework;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case is. {@code OPEN} ("received") on escalation or after a reassignment; the department
 * {@code ACCEPTED} it, works on it ({@code IN_PROGRESS}), may wait on the citizen or on another
 * department, and ends it {@code RESOLVED} (then {@code CLOSED}), {@code REJECTED} (not the city's
 * business) or {@code MERGED} into another case (a duplicate). The citizen may reopen a resolved
 * case within the reopen window ({@code REOPENED}); a closed case stays closed.
 */
public enum CaseStatus {
  OPEN,
  ACCEPTED,
  IN_PROGRESS,
  WAITING_ON_CITIZEN,
  WAITING_ON_DEPARTMENT,
  RESOLVED,
  REJECTED,
  REOPENED,
  MERGED,
  CLOSED;

  private static final Set<CaseStatus> ENDS = EnumSet.of(RESOLVED, REJECTED, MERGED);

  public boolean canMoveTo(CaseStatus next) {
    return successors().contains(next);
  }

  public Set<CaseStatus> successors() {
    return switch (this) {
      case OPEN, REOPENED -> EnumSet.of(ACCEPTED, IN_PROGRESS, WAITING_ON_CITIZEN, WAITING_ON_DEPARTMENT, RESOLVED,
          REJECTED, MERGED);
      case ACCEPTED -> EnumSet.of(IN_PROGRESS, WAITING_ON_CITIZEN, WAITING_ON_DEPARTMENT, RESOLVED, REJECTED, MERGED);
      case IN_PROGRESS -> EnumSet.of(WAITING_ON_CITIZEN, WAITING_ON_DEPARTMENT, RESOLVED, REJECTED, MERGED);
      case WAITING_ON_CITIZEN -> EnumSet.of(IN_PROGRESS, WAITING_ON_DEPARTMENT, RESOLVED, REJECTED, MERGED);
      case WAITING_ON_DEPARTMENT -> EnumSet.of(IN_PROGRESS, WAITING_ON_CITIZEN, RESOLVED, REJECTED, MERGED);
      case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS, REOPENED);
      case REJECTED, MERGED -> EnumSet.of(CLOSED);
      case CLOSED -> EnumSet.noneOf(CaseStatus.class);
    };
  }

  /** True once the department is done with it: resolved, rejected, merged or closed (no due date runs). */
  public boolean isDone() {
    return this == CLOSED || ENDS.contains(this);
  }

  /** Open311's two-valued status for this one. */
  public String open311() {
    return isDone() ? "closed" : "open";
  }
}
