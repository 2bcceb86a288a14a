package org.onenumber.core.casework;

import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.EventPublisher;

/**
 * Reminds departments before a due date and escalates overdue cases, each once. One
 * {@link #sweep()} looks at the cases not done that are due before now plus
 * {@link CaseDueRules#remindBefore()}; the cases:
 *
 * <ol>
 *   <li>Past due and no {@code OVERDUE} row since the due date was set: an {@code OVERDUE} row by
 *       {@code system} and a {@link CaseUpdated} event, which the server turns into an alert to the
 *       department's supervisor and the contact center's supervisors.
 *   <li>Not yet due and neither a {@code REMINDED} nor an {@code OVERDUE} row since the due date was
 *       set: a {@code REMINDED} row and event.
 *   <li>Otherwise nothing: the row written by an earlier sweep is what makes it fire once, across
 *       restarts and nodes. A reassignment or a reopening sets a new due date and re-arms both.
 * </ol>
 *
 * A case changed by staff during the sweep (version conflict) is left for the next sweep. Time
 * comes from the injected clock only. Thread-safe when its ports are; run by one scheduler.
 */
public final class CaseDeadlines {

  private static final int BATCH = 500;

  private final CaseRegistry cases;
  private final EventPublisher events;
  private final CaseDueRules rules;
  private final InstantSource clock;

  public CaseDeadlines(CaseRegistry cases, EventPublisher events, CaseDueRules rules, InstantSource clock) {
    this.cases = cases;
    this.events = events;
    this.rules = rules;
    this.clock = clock;
  }

  /** Returns how many rows were written. */
  public int sweep() {
    Instant now = clock.instant();
    int written = 0;
    for (Case c : cases.dueBefore(now.plus(rules.remindBefore()), BATCH)) {
      CaseEntryKind kind = due(c, now);
      if (kind == null) {
        continue;
      }
      Case next = c.append(new CaseStatusChange(c.status(), now, "system", null, null, kind, c.dueAt().toString()));
      try {
        cases.update(next, c.version());
      } catch (VersionConflictException changed) {
        continue;
      }
      events.publish(new CaseUpdated(next.id(), next.department(), kind, next.status(), "system", next.version(), now));
      written++;
    }
    return written;
  }

  private static CaseEntryKind due(Case c, Instant now) {
    if (c.isOverdue(now)) {
      return c.hasSinceDueSet(CaseEntryKind.OVERDUE) ? null : CaseEntryKind.OVERDUE;
    }
    if (c.status().isDone() || c.hasSinceDueSet(CaseEntryKind.REMINDED) || c.hasSinceDueSet(CaseEntryKind.OVERDUE)) {
      return null;
    }
    return CaseEntryKind.REMINDED;
  }
}
