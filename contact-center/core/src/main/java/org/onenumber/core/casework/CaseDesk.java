package org.onenumber.core.casework;

import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.core.casework.CaseAction.Accept;
import org.onenumber.core.casework.CaseAction.Ask;
import org.onenumber.core.casework.CaseAction.CitizenReply;
import org.onenumber.core.casework.CaseAction.Merge;
import org.onenumber.core.casework.CaseAction.Move;
import org.onenumber.core.casework.CaseAction.Note;
import org.onenumber.core.casework.CaseAction.Rate;
import org.onenumber.core.casework.CaseAction.Reassign;
import org.onenumber.core.casework.CaseAction.Reopen;
import org.onenumber.core.casework.CaseAction.Resolve;
import org.onenumber.core.directory.Department;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.core.event.CaseStatusChanged;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.port.in.ActOnCase;
import org.onenumber.core.port.in.ActOnCaseCommand;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.Transactions;

/**
 * Works cases. Each action appends one row (a merge also one to the surviving case); the cases:
 *
 * <ol>
 *   <li>The case does not exist: not found. It is not at the caller's version: version conflict,
 *       nothing stored (the store checks again inside the transaction).
 *   <li>Accept: {@code ACCEPTED}, the author becomes the assignee; the citizen is told.
 *   <li>Note: internal and/or public text; the status stays.
 *   <li>Ask: the question is the public note and the case waits on the citizen.
 *   <li>Citizen reply: the text is kept as an internal note on the case (the contact is linked); a
 *       case waiting on the citizen goes back in progress.
 *   <li>Move: any other edge of {@link CaseStatus}.
 *   <li>Reassign: the department must exist and differ (invalid input otherwise); the case goes back
 *       to {@code OPEN} in the new department, with a fresh due date when the new department's rule
 *       says so ({@link CaseDueRules#restartsOnReassignTo}).
 *   <li>Resolve: {@code RESOLVED} with the public answer.
 *   <li>Reopen: only a resolved case, only within {@link CaseDueRules#reopenWithin()} of its
 *       resolution; a fresh due date.
 *   <li>Rate: only a case awaiting the citizen's rating ({@link CaseSatisfaction#awaitsRating}: resolved
 *       or closed, within the reopen window of its resolution, not yet rated since); the status stays,
 *       the score is the detail and the comment the internal note of a {@code RATED} row.
 *   <li>Merge: the other case must exist, differ and not be done; this case ends {@code MERGED}, the
 *       other gets an {@code ABSORBED} row and this case's contacts.
 * </ol>
 *
 * After the commit (of the caller's transaction too, when it runs inside one: {@link
 * Transactions#afterCommit}): {@link CaseUpdated} for every row, {@link CaseStatusChanged} when the
 * status moved. The citizen is told any row with a public note and any move to accepted, waiting on
 * another department, resolved or rejected. Thread-safe when its ports are.
 */
public final class CaseDesk implements ActOnCase {

  /** Status moves the citizen hears about even without a public note. */
  private static final java.util.Set<CaseStatus> TOLD = java.util.EnumSet.of(CaseStatus.ACCEPTED,
      CaseStatus.RESOLVED, CaseStatus.REJECTED, CaseStatus.WAITING_ON_DEPARTMENT);

  private final Transactions transactions;
  private final CaseRegistry cases;
  private final Directory directory;
  private final EventPublisher events;
  private final CaseNotifier notifier;
  private final CaseDueRules rules;
  private final InstantSource clock;

  public CaseDesk(Transactions transactions, CaseRegistry cases, Directory directory, EventPublisher events,
      CaseNotifier notifier, CaseDueRules rules, InstantSource clock) {
    this.transactions = transactions;
    this.cases = cases;
    this.directory = directory;
    this.events = events;
    this.notifier = notifier;
    this.rules = rules;
    this.clock = clock;
  }

  @Override
  public Case act(ActOnCaseCommand command) {
    Case c = cases.find(command.caseId()).orElseThrow(() -> new NotFoundException("case", command.caseId()));
    if (c.version() != command.expectedVersion()) {
      throw new VersionConflictException("case " + c.id(), command.expectedVersion(), c.version());
    }
    Instant now = clock.instant();
    String who = command.author();
    if (command.action() instanceof Merge merge) {
      return merge(c, merge, who, now);
    }
    Case next = apply(c, command.action(), who, now);
    transactions.inTransaction(() -> {
      cases.update(next, command.expectedVersion());
      return null;
    });
    published(c, next);
    return next;
  }

  private Case apply(Case c, CaseAction action, String who, Instant now) {
    CaseStatus at = c.status();
    return switch (action) {
      case Accept a -> c.append(row(CaseStatus.ACCEPTED, now, who, null, a.publicNote(), CaseEntryKind.STATUS, null));
      case Note n -> c.append(row(at, now, who, n.note(), n.publicNote(), CaseEntryKind.NOTE, null));
      case Ask a -> c.append(row(CaseStatus.WAITING_ON_CITIZEN, now, who, null, a.question(), CaseEntryKind.QUESTION,
          null));
      case CitizenReply r -> c.link(r.via(), row(at == CaseStatus.WAITING_ON_CITIZEN ? CaseStatus.IN_PROGRESS : at,
          now, who, r.text(), null, CaseEntryKind.CITIZEN_REPLY, r.via().value()));
      case Move m -> move(c, m, who, now);
      case Reassign r -> reassign(c, r, who, now);
      case Resolve r -> c.append(row(CaseStatus.RESOLVED, now, who, r.note(), r.publicAnswer(), CaseEntryKind.STATUS,
          null));
      case Reopen r -> reopen(c, r, who, now);
      case Rate r -> rate(c, r, who, now);
      case Merge m -> throw new IllegalStateException("merges are applied on two cases");
    };
  }

  private static Case move(Case c, Move m, String who, Instant now) {
    if (m.to() == c.status() || m.to() == CaseStatus.MERGED || m.to() == CaseStatus.REOPENED
        || m.to() == CaseStatus.OPEN) {
      throw new IllegalTransitionException("case " + c.id(), c.status(), m.to());
    }
    return c.append(row(m.to(), now, who, m.note(), m.publicNote(), CaseEntryKind.STATUS, null));
  }

  private Case reassign(Case c, Reassign r, String who, Instant now) {
    Department to = directory.department(r.to())
        .orElseThrow(() -> new InvalidInputException("there is no department " + r.to()));
    if (to.id().equals(c.department())) {
      throw new InvalidInputException("the case already belongs to that department");
    }
    Instant due = rules.restartsOnReassignTo(to) ? rules.dueAt(to, c.category(), now) : c.dueAt();
    return c.reassign(row(CaseStatus.OPEN, now, who, r.reason(), null, CaseEntryKind.REASSIGNED,
        c.department().value() + ">" + to.id().value()), to.id(), due);
  }

  private Case reopen(Case c, Reopen r, String who, Instant now) {
    if (c.status() != CaseStatus.RESOLVED
        || now.isAfter(CaseSatisfaction.resolvedAt(c).orElse(now).plus(rules.reopenWithin()))) {
      throw new IllegalTransitionException("case " + c.id() + " (reopen window " + rules.reopenWithin().toDays()
          + " days)", c.status(), CaseStatus.REOPENED);
    }
    Department department = directory.department(c.department())
        .orElseThrow(() -> new NotFoundException("department", c.department()));
    return c.withDueAt(rules.dueAt(department, c.category(), now),
        row(CaseStatus.REOPENED, now, who, r.reason(), null, CaseEntryKind.STATUS, null));
  }

  private Case rate(Case c, Rate r, String who, Instant now) {
    if (!CaseSatisfaction.awaitsRating(c, now, rules.reopenWithin())) {
      throw new IllegalTransitionException("case " + c.id() + " (rated once per answer, within "
          + rules.reopenWithin().toDays() + " days)", c.status(), "RATED");
    }
    return c.append(row(c.status(), now, who, r.comment(), null, CaseEntryKind.RATED, Integer.toString(r.score())));
  }

  private Case merge(Case c, Merge m, String who, Instant now) {
    if (m.into().equals(c.id())) {
      throw new InvalidInputException("a case cannot be merged into itself");
    }
    Case target = cases.find(m.into()).orElseThrow(() -> new InvalidInputException("there is no case " + m.into()));
    if (target.status().isDone()) {
      throw new InvalidInputException("the case to merge into is already done");
    }
    Case merged = c.append(row(CaseStatus.MERGED, now, who, m.note(), null, CaseEntryKind.MERGED, target.id().value()));
    Case absorbing = target;
    for (var contact : c.contacts()) {
      absorbing = absorbing.linked(contact);
    }
    Case absorbed = absorbing.append( row(target.status(), now, who, m.note(), null, CaseEntryKind.ABSORBED,
        c.id().value()));
    transactions.inTransaction(() -> {
      cases.update(merged, c.version());
      cases.update(absorbed, target.version());
      return null;
    });
    published(c, merged);
    published(target, absorbed);
    return merged;
  }

  private void published(Case before, Case after) {
    CaseStatusChange row = after.last();
    transactions.afterCommit(() -> {
      events.publish(new CaseUpdated(after.id(), after.department(), row.kind(), row.status(), row.author(),
          after.version(), row.at()));
      if (row.status() != before.status()) {
        events.publish(new CaseStatusChanged(after.id(), before.status(), row.status(), row.author(), row.at()));
      }
    });
    boolean told = row.status() != before.status() && TOLD.contains(row.status());
    if (row.publicNote() != null || told) {
      notifier.tell(after, row);
    }
  }

  static CaseStatusChange row(CaseStatus status, Instant at, String who, String note, String publicNote,
      CaseEntryKind kind, String detail) {
    return new CaseStatusChange(status, at, who, note, publicNote, kind, detail);
  }
}
