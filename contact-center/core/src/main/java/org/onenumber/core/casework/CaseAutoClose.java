package org.onenumber.core.casework;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.core.event.CaseStatusChanged;
import org.onenumber.core.event.CaseUpdated;
import org.onenumber.core.port.out.CaseRegistry;
import org.onenumber.core.port.out.EventPublisher;

/**
 * Closes resolved cases the citizen has let rest. One {@link #sweep()} looks at the cases that are
 * {@code RESOLVED} with no history row for {@code after} (at least the reopen window, so closing
 * never takes the citizen's reopen away); the cases:
 *
 * <ol>
 *   <li>The citizen replied after the answer ({@code CITIZEN_REPLY} after the latest move to
 *       {@code RESOLVED}): left resolved, for staff to read and reopen or close.
 *   <li>Otherwise: a move to {@code CLOSED} by {@code system} with an internal note, and the
 *       {@link CaseUpdated} and {@link CaseStatusChanged} events every move has.
 * </ol>
 *
 * A case changed during the sweep (version conflict) is left for the next sweep. Time comes from
 * the injected clock only. Thread-safe when its ports are; run by one scheduler.
 */
public final class CaseAutoClose {

  private static final int BATCH = 500;

  private final CaseRegistry cases;
  private final EventPublisher events;
  private final Duration after;
  private final InstantSource clock;

  public CaseAutoClose(CaseRegistry cases, EventPublisher events, Duration after, InstantSource clock) {
    this.cases = cases;
    this.events = events;
    this.after = after;
    this.clock = clock;
  }

  /** Returns how many cases were closed. */
  public int sweep() {
    Instant now = clock.instant();
    int closed = 0;
    for (Case c : cases.resolvedQuietSince(now.minus(after), BATCH)) {
      if (repliedAfterAnswer(c)) {
        continue;
      }
      Case next = c.moveTo(new CaseStatusChange(CaseStatus.CLOSED, now, "system",
          "closed automatically: no reply from the citizen " + after.toDays() + " days after the answer"));
      try {
        cases.update(next, c.version());
      } catch (VersionConflictException changed) {
        continue;
      }
      events.publish(new CaseUpdated(next.id(), next.department(), CaseEntryKind.STATUS, CaseStatus.CLOSED, "system",
          next.version(), now));
      events.publish(new CaseStatusChanged(next.id(), CaseStatus.RESOLVED, CaseStatus.CLOSED, "system", now));
      closed++;
    }
    return closed;
  }

  private static boolean repliedAfterAnswer(Case c) {
    var history = c.history();
    for (int i = history.size() - 1; i >= 0; i--) {
      CaseStatusChange row = history.get(i);
      if (row.kind() == CaseEntryKind.CITIZEN_REPLY) {
        return true;
      }
      if (row.kind() == CaseEntryKind.STATUS && row.status() == CaseStatus.RESOLVED) {
        return false;
      }
    }
    return false;
  }
}
