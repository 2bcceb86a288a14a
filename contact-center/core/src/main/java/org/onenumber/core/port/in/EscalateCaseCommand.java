package org.onenumber.core.port.in;

import org.onenumber.core.casework.CasePriority;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.InvalidInputException;

/**
 * Escalate a contact to a department.
 *
 * @param author the agent id escalating
 * @param priority null for {@code NORMAL}
 */
public record EscalateCaseCommand(ContactId contact, DepartmentId department, String category, String summary,
    CasePriority priority, String author) {
  public EscalateCaseCommand {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.require(department, "department");
    InvalidInputException.requireText(category, "category");
    InvalidInputException.requireText(summary, "summary");
    priority = priority == null ? CasePriority.NORMAL : priority;
    InvalidInputException.requireText(author, "author");
    if (summary.length() > 4_000) {
      throw new InvalidInputException("summary is longer than 4000 characters");
    }
  }
}
