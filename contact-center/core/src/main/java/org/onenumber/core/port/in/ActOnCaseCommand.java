package org.onenumber.core.port.in;

import org.onenumber.core.casework.CaseAction;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.error.InvalidInputException;

/**
 * Act on a case read at {@code expectedVersion}.
 *
 * @param author the staff login, {@code citizen} or {@code system}
 */
public record ActOnCaseCommand(CaseId caseId, int expectedVersion, String author, CaseAction action) {
  public ActOnCaseCommand {
    InvalidInputException.require(caseId, "case");
    InvalidInputException.requireText(author, "author");
    InvalidInputException.require(action, "action");
    if (expectedVersion < 1) {
      throw new InvalidInputException("version must be 1 or more");
    }
  }
}
