package org.onenumber.core.casework;

/**
 * The department inbox's views; cases the department is done with appear in none of them but
 * {@link #FOLLOW_UP}.
 */
public enum CaseInbox {
  /** Received or reopened, not yet accepted: {@link CaseStatus#OPEN} or {@link CaseStatus#REOPENED}. */
  NEW,
  /** Accepted by the asking staff member and not done. */
  MINE,
  /** Not done, due between now and the "soon" horizon. */
  DUE_SOON,
  /** Not done, past the due date. */
  OVERDUE,
  /** Every case of the department the department is not done with. */
  ACTIVE,
  /**
   * Cases the citizen rated low, not yet followed up with a staff note
   * ({@link CaseSatisfaction#needsFollowUp}), done or not, oldest first: the supervisor's list.
   */
  FOLLOW_UP
}
