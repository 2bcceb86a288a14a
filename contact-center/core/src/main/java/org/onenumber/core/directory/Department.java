package org.onenumber.core.directory;

import java.time.Duration;
import org.onenumber.core.error.InvalidInputException;

/**
 * A city department that answers escalated cases and owns answers: transport, water, welfare...
 *
 * @param deskPhone the department's desk number in E.164, where transfers to the desk go
 * @param defaultCaseDue how long a department has, by default, to resolve a case it receives
 */
public record Department(
    DepartmentId id, String nameKo, String nameEn, String deskPhone, Duration defaultCaseDue) {

  public Department {
    InvalidInputException.require(id, "id");
    InvalidInputException.requireText(nameKo, "nameKo");
    InvalidInputException.requireText(nameEn, "nameEn");
    InvalidInputException.requireText(deskPhone, "deskPhone");
    InvalidInputException.require(defaultCaseDue, "defaultCaseDue");
    if (defaultCaseDue.isNegative() || defaultCaseDue.isZero()) {
      throw new InvalidInputException("defaultCaseDue must be positive");
    }
  }
}
