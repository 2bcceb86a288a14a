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
 * An escalated request owned by a department. Immutable; {@link #moveTo} and {@link #append} return
 * the case with one more row in its append-only history. The {@link #version} is the number of rows,
 * so a writer that read version {@code n} and appends one row stores version {@code n + 1}.
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
    return !status().isDone() && now.isAfter(dueAt);
  }

  /** The optimistic-concurrency version: how many history rows the case has. */
  public int version() {
    return history.size();
  }

  /** The staff member who accepted the case in its current department, or null. */
  public String assignee() {
    String who = null;
    for (CaseStatusChange row : history) {
      if (row.kind() == CaseEntryKind.REASSIGNED) {
        who = null;
      } else if (row.kind() == CaseEntryKind.STATUS && row.status() == CaseStatus.ACCEPTED) {
        who = row.author();
      }
    }
    return who;
  }

  /** The last row, the current state of the file. */
  public CaseStatusChange last() {
    return history.get(history.size() - 1);
  }

  /** What the citizen was last told: the latest row's public note (an answer, a question, a note), or null. */
  public String latestPublicNote() {
    for (int i = history.size() - 1; i >= 0; i--) {
      if (history.get(i).publicNote() != null) {
        return history.get(i).publicNote();
      }
    }
    return null;
  }

  /** True when a row of {@code kind} was written since the due date was last set (reminders fire once). */
  public boolean hasSinceDueSet(CaseEntryKind kind) {
    for (int i = history.size() - 1; i >= 0; i--) {
      CaseEntryKind k = history.get(i).kind();
      if (k == kind) {
        return true;
      }
      if (k == CaseEntryKind.REASSIGNED || history.get(i).status() == CaseStatus.REOPENED) {
        return false;
      }
    }
    return false;
  }

  /**
   * Appends any row. A row that changes the status must follow a {@link CaseStatus} edge, except a
   * reassignment, which sends a case the department is not done with back to {@code OPEN}.
   *
   * @throws IllegalTransitionException when the status may not change so
   * @throws InvalidInputException when the row is dated before the last one
   */
  public Case append(CaseStatusChange row) {
    return append(row, department, dueAt, contacts);
  }

  /** Appends a reassignment row and moves the case to {@code to}, due at {@code due}. */
  public Case reassign(CaseStatusChange row, DepartmentId to, Instant due) {
    return append(row, to, due, contacts);
  }

  /** Appends {@code row} and links {@code contact} (a citizen's reply on a new conversation). */
  public Case link(ContactId contact, CaseStatusChange row) {
    return linked(contact).append(row);
  }

  /** The same case with {@code contact} linked too (no row: the caller appends one). */
  public Case linked(ContactId contact) {
    if (contacts.contains(contact)) {
      return this;
    }
    List<ContactId> next = new ArrayList<>(contacts);
    next.add(contact);
    return new Case(id, department, category, priority, summary, citizen, next, dueAt, history);
  }

  /** The same case due at {@code due} from now on (a reopened case gets a fresh clock). */
  public Case withDueAt(Instant due, CaseStatusChange row) {
    return append(row, department, due, contacts);
  }

  private Case append(CaseStatusChange row, DepartmentId to, Instant due, List<ContactId> linked) {
    CaseStatus now = status();
    boolean reassign = row.kind() == CaseEntryKind.REASSIGNED;
    if (reassign ? now.isDone() || row.status() != CaseStatus.OPEN
        : row.status() != now && !now.canMoveTo(row.status())) {
      throw new IllegalTransitionException("case " + id, now, row.status());
    }
    Instant lastAt = last().at();
    if (row.at().isBefore(lastAt)) {
      throw new InvalidInputException("case " + id + " change at " + row.at() + " is before " + lastAt);
    }
    List<CaseStatusChange> next = new ArrayList<>(history);
    next.add(row);
    return new Case(id, to, category, priority, summary, citizen, linked, due, next);
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
