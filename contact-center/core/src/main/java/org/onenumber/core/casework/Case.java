package org.onenumber.core.casework;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

/**
 * An escalated request owned by a department. Immutable; {@link #moveTo} returns the case with
 * one more status in its history.
 *
 * @param contacts the contacts that raised or followed up this case, oldest first
 * @param history every status so far, oldest first; the first is {@link CaseStatus#OPEN}
 */
public record Case(
    CaseId id,
    DepartmentId department,
    String category,
    CasePriority priority,
    String summary,
    CitizenId citizen,
    List<ContactId> contacts,
    Instant dueAt,
    List<CaseStatusChange> history) {

  public Case {
    InvalidInputException.require(id, "id");
    InvalidInputException.require(department, "department");
    InvalidInputException.requireText(category, "category");
    InvalidInputException.require(priority, "priority");
    InvalidInputException.requireText(summary, "summary");
    InvalidInputException.require(citizen, "citizen");
    contacts = List.copyOf(InvalidInputException.require(contacts, "contacts"));
    InvalidInputException.require(dueAt, "dueAt");
    history = List.copyOf(InvalidInputException.require(history, "history"));
    if (history.isEmpty() || history.get(0).status() != CaseStatus.OPEN) {
      throw new InvalidInputException("a case's first status is OPEN");
    }
  }

  public CaseStatus status() {
    return history.get(history.size() - 1).status();
  }

  public Instant openedAt() {
    return history.get(0).at();
  }

  public boolean isOverdue(Instant now) {
    return status() != CaseStatus.CLOSED && status() != CaseStatus.RESOLVED
        && status() != CaseStatus.REJECTED && now.isAfter(dueAt);
  }

  /**
   * @throws IllegalTransitionException when {@link CaseStatus} has no such edge
   * @throws InvalidInputException when the change is dated before the current status
   */
  public Case moveTo(CaseStatusChange change) {
    if (!status().canMoveTo(change.status())) {
      throw new IllegalTransitionException("case " + id, status(), change.status());
    }
    Instant last = history.get(history.size() - 1).at();
    if (change.at().isBefore(last)) {
      throw new InvalidInputException("case " + id + " status at " + change.at() + " is before " + last);
    }
    List<CaseStatusChange> next = new ArrayList<>(history);
    next.add(change);
    return new Case(id, department, category, priority, summary, citizen, contacts, dueAt, next);
  }
}
