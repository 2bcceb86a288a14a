package org.onenumber.core.casework;

/**
 * What one row of a case's append-only history records. Only {@link #STATUS} and
 * {@link #REASSIGNED} may change the status; the others keep the status they were written in
 * (except {@link #QUESTION}, which waits on the citizen, and {@link #CITIZEN_REPLY}, which ends
 * that wait).
 */
public enum CaseEntryKind {
  /** A move along {@link CaseStatus}. */
  STATUS,
  /** A note by staff; internal, public or both. */
  NOTE,
  /** A question to the citizen, sent on their channel (the public note). */
  QUESTION,
  /** The citizen's answer, threaded back from their channel. */
  CITIZEN_REPLY,
  /** Moved to another department (detail {@code from>to}); the note gives the reason. */
  REASSIGNED,
  /** This duplicate was merged into the case named in the detail. */
  MERGED,
  /** A duplicate (named in the detail) was merged into this case. */
  ABSORBED,
  /** The department was reminded that the due date is near. */
  REMINDED,
  /** The due date passed: escalated to the department's and the contact center's supervisors. */
  OVERDUE,
  /**
   * The citizen rated the department's answer: the detail is the score 1–5, the internal note their
   * optional comment ({@link CaseSatisfaction}).
   */
  RATED
}
