package org.onenumber.core.port.in;

import org.onenumber.core.casework.Case;

/** Department staff work a case: accept, note, ask, reassign, resolve, merge, reopen. */
public interface ActOnCase {

  /**
   * Appends the action's row, commits, publishes the events and tells the citizen any public note.
   *
   * @throws org.onenumber.core.error.NotFoundException when the case does not exist
   * @throws org.onenumber.core.error.VersionConflictException when the case is no longer at the expected version
   * @throws org.onenumber.core.error.IllegalTransitionException when the case's status forbids the action
   * @throws org.onenumber.core.error.InvalidInputException when the action names an unknown department or case
   */
  Case act(ActOnCaseCommand command);
}
