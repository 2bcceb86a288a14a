package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.casework.Case;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.CaseInbox;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;

/** Where escalated cases are kept. */
public interface CaseRegistry {

  /** Inserts or updates the case with any status changes not yet stored. */
  void save(Case c);

  /**
   * Stores a case not stored before (a freshly numbered one, with its contacts and history); what
   * {@link #save} does for it, in fewer statements where a store can (no update or count first).
   * Fails, storing nothing, when a case with its id exists.
   */
  default void create(Case c) {
    if (find(c.id()).isPresent()) {
      throw new IllegalStateException("case " + c.id() + " is already stored");
    }
    save(c);
  }

  Optional<Case> find(CaseId id);

  /** The department's cases, newest first. */
  List<Case> byDepartment(DepartmentId department, int limit);

  /** The cases that {@code contact} was escalated into or linked to, oldest first. */
  List<Case> byContact(ContactId contact);

  /**
   * Stores the rows appended to a case read at {@code expectedVersion}, with its department, due
   * date, assignee and linked contacts, atomically.
   *
   * @throws org.onenumber.core.error.VersionConflictException when the stored case is no longer at
   *     {@code expectedVersion} (someone else appended first); nothing is stored
   */
  void update(Case c, int expectedVersion);

  /**
   * One view of a department's inbox, due first (new: oldest first).
   *
   * @param staff the asking staff member (for {@link CaseInbox#MINE})
   * @param soonUntil the horizon of {@link CaseInbox#DUE_SOON}
   */
  List<Case> inbox(DepartmentId department, CaseInbox view, String staff, Instant now, Instant soonUntil, int limit);

  /** Cases not done whose due date is before {@code dueBefore}, due first: the reminder sweep's work. */
  List<Case> dueBefore(Instant dueBefore, int limit);

  /**
   * Cases now {@code RESOLVED} without any history row after {@code since}, oldest first: the
   * auto-close sweep's work.
   */
  List<Case> resolvedQuietSince(Instant since, int limit);

  /** The citizen's cases, oldest first. */
  List<Case> byCitizen(CitizenId citizen);

  /** The next number in today's sequence, for case ids such as {@code C-20261123-0042}. */
  long nextSequence();
}
