package org.onenumber.server.persistence;

import org.onenumber.channels.open311.ServiceRequestView;
import org.onenumber.core.casework.Case;

/**
 * What Open311 {@code GET requests} shows of a case, kept on its {@code open311_request} row (V380)
 * so that a listing reads one table in index order: the GeoReport status ({@code open}/{@code
 * closed}), the department, the due date, the last change and the latest public note. Written in
 * the transaction that writes the case, so the listing never shows a status the case does not have;
 * a case that is no Open311 request has no row and the update changes nothing.
 */
public final class Open311CaseColumns {

  private Open311CaseColumns() {}

  /** The five columns, in the order of {@link #values}. */
  public static final String NAMES = "geo_status, case_department_id, case_due_at, case_updated_at, case_status_notes";

  /** Rewrites the request row of {@code c}, if it has one; call inside the case's transaction. */
  public static void write(Jdbc jdbc, Case c) {
    Object[] v = values(c);
    jdbc.update("update open311_request set geo_status = ?, case_department_id = ?, case_due_at = ?,"
        + " case_updated_at = ?, case_status_notes = ? where service_request_id = ?", v[0], v[1], v[2], v[3], v[4],
        c.id().value());
  }

  /** The five columns' values of {@code c}: status, department, due date, last change, latest public note. */
  public static Object[] values(Case c) {
    var history = c.history();
    return new Object[] {ServiceRequestView.statusOf(c.status().name()), c.department().value(), c.dueAt(),
        history.isEmpty() ? c.openedAt() : history.get(history.size() - 1).at(), c.latestPublicNote()};
  }
}
