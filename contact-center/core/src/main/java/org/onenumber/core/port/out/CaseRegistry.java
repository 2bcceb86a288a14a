package org.onenumber.core.port.out;

import java.util.List;
import java.util.Optional;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;

/** Where escalated cases are kept. */
public interface CaseRegistry {

  /** Inserts or updates the case with any status changes not yet stored. */
  void save(Case c);

  Optional<Case> find(CaseId id);

  /** The department's cases, newest first. */
  List<Case> byDepartment(DepartmentId department, int limit);

  /** The cases that {@code contact} was escalated into or linked to, oldest first. */
  List<Case> byContact(ContactId contact);

  /** The next number in today's sequence, for case ids such as {@code C-20261123-0042}. */
  long nextSequence();
}
