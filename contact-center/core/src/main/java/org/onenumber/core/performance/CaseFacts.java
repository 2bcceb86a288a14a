package org.onenumber.core.performance;

import java.time.Duration;
import java.time.Instant;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseEntryKind;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseSatisfaction;
import org.onenumber.core.casework.CaseStatus;
import org.onenumber.core.casework.CaseStatusChange;
import org.onenumber.core.directory.DepartmentId;

/**
 * What one case contributes to its department's figures, read from its history alone (no personal
 * data: no citizen, no text). The cases:
 *
 * <ol>
 *   <li>First response: the first row by staff that the citizen's request got, i.e. the first
 *       {@code ACCEPTED} move, {@link CaseEntryKind#NOTE}, {@link CaseEntryKind#QUESTION} or a move
 *       to {@code RESOLVED}/{@code REJECTED}, whichever came first; null while there is none.
 *   <li>Resolved: the case is {@code RESOLVED} or was closed after a resolution; the resolution is
 *       the latest {@code RESOLVED} row (a reopened case counts when resolved again).
 *   <li>On time: resolved at or before the due date in force (a reopen or reassignment may have
 *       set a fresh one).
 *   <li>Public answer: the resolution row carries a public note (the citizen was told the answer).
 *   <li>Reopened: the history has a {@code REOPENED} row.
 *   <li>Rating: the citizen's latest score of the answer (1–5, {@link CaseSatisfaction}), null when
 *       they gave none.
 * </ol>
 *
 * @param firstResponse from opening to the first response, or null
 * @param resolution from opening to the resolution, or null while not resolved
 * @param rating the citizen's latest score, or null
 */
public record CaseFacts(CaseId id, DepartmentId department, String category, Instant openedAt, Instant dueAt,
    boolean done, Duration firstResponse, Duration resolution, boolean onTime, boolean publicAnswer,
    boolean reopened, Integer rating) {

  public static CaseFacts of(Case c) {
    Instant opened = c.openedAt();
    Instant firstResponse = null;
    CaseStatusChange resolution = null;
    boolean reopened = false;
    for (CaseStatusChange row : c.history()) {
      if (firstResponse == null && isResponse(row)) {
        firstResponse = row.at();
      }
      if (row.kind() == CaseEntryKind.STATUS && row.status() == CaseStatus.RESOLVED) {
        resolution = row;
      }
      if (row.status() == CaseStatus.REOPENED || row.kind() == CaseEntryKind.REASSIGNED) {
        resolution = null;
      }
      reopened |= row.status() == CaseStatus.REOPENED;
    }
    boolean resolved = resolution != null
        && (c.status() == CaseStatus.RESOLVED || c.status() == CaseStatus.CLOSED);
    return new CaseFacts(c.id(), c.department(), c.category(), opened, c.dueAt(), c.status().isDone(),
        firstResponse == null ? null : Duration.between(opened, firstResponse),
        resolved ? Duration.between(opened, resolution.at()) : null,
        resolved && !resolution.at().isAfter(c.dueAt()),
        resolved && resolution.publicNote() != null, reopened, CaseSatisfaction.latest(c).orElse(null));
  }

  /** What a case contributes the moment it opens (as {@link #of} on its first row): nothing answered yet. */
  public static CaseFacts opened(org.onenumber.core.event.CaseOpened e) {
    return new CaseFacts(e.caseId(), e.department(), e.category(), e.at(), e.dueAt(), false, null, null, false,
        false, false, null);
  }

  private static boolean isResponse(CaseStatusChange row) {
    return switch (row.kind()) {
      case NOTE, QUESTION -> true;
      case STATUS -> row.status() == CaseStatus.ACCEPTED || row.status() == CaseStatus.RESOLVED
          || row.status() == CaseStatus.REJECTED;
      default -> false;
    };
  }

  public boolean resolved() {
    return resolution != null;
  }

  public boolean overdue(Instant now) {
    return !done && now.isAfter(dueAt);
  }
}
