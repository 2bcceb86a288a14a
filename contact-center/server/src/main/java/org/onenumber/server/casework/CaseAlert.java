package org.onenumber.server.casework;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import org.onenumber.core.event.CaseUpdated;

/**
 * One pushed alert: a case went overdue ({@code OVERDUE}) or its citizen rated the answer low
 * ({@code LOW_RATING}). Ids and status only (no summary, no citizen, no score or comment), so a
 * supervisor's wallboard on a shared screen shows nothing personal.
 */
@Serdeable
public record CaseAlert(String kind, String caseId, String department, String status, Instant at) {

  static CaseAlert of(CaseUpdated u) {
    return new CaseAlert(u.kind().name(), u.caseId().value(), u.department().value(), u.status().name(), u.at());
  }

  static CaseAlert lowRating(CaseUpdated u) {
    return new CaseAlert("LOW_RATING", u.caseId().value(), u.department().value(), u.status().name(), u.at());
  }

  /** The server-sent event's name: {@code overdue} or {@code low-rating}. */
  String eventName() {
    return "LOW_RATING".equals(kind) ? "low-rating" : "overdue";
  }
}
