package org.onenumber.core.port.in;

import org.onenumber.core.casework.Case;

/** What the operator cannot resolve on the spot becomes a case for a department. */
public interface EscalateCase {

  /**
   * Opens the case, links the contact, and tells the citizen the case number on the contact's
   * channel when it carries text.
   *
   * @throws org.onenumber.core.error.NotFoundException when the contact or department does not exist
   */
  Case escalate(EscalateCaseCommand command);

  /**
   * As {@link #escalate(EscalateCaseCommand)} for {@code contact}, the command's contact as the
   * caller just stored or read it (in the caller's transaction): it is not read again.
   */
  default Case escalate(EscalateCaseCommand command, org.onenumber.core.contact.Contact contact) {
    return escalate(command);
  }
}
