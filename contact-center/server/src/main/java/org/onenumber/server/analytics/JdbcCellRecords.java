package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.onenumber.server.persistence.Jdbc;

/**
 * The located contacts and cases of one map cell, as stored: Open311 requests ({@code open311_request},
 * the only records with a place) with their contact's state and disposition and the case opened from
 * the contact with its status and category. Thread-safe.
 */
@Singleton
final class JdbcCellRecords {

  /** One located request: who to audit ({@code citizen}), what it is about and where it stands. */
  record Located(String contactId, String citizen, Instant at, String contactState, String disposition,
      String caseId, String caseStatus, String caseCategory, String address, String description) {}

  private final Jdbc jdbc;

  JdbcCellRecords(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The requests filed since {@code since} in [south, north) × [west, east), newest first, at most {@code limit}. */
  List<Located> inCell(double south, double west, double north, double east, Instant since, int limit) {
    return jdbc.query("select r.contact_id, c.citizen_id, r.requested_at, c.state, d.type_code as disposed,"
        + " k.id as case_id, k.status as case_status, kc.type_code as case_type, r.address, r.description"
        + " from open311_request r join contact c on c.id = r.contact_id"
        + " left join contact_disposition d on d.contact_id = r.contact_id"
        + " left join case_contact cc on cc.contact_id = r.contact_id"
        + " left join case_file k on k.id = cc.case_id"
        + " left join case_category kc on kc.case_id = k.id"
        + " where r.lat >= ? and r.lat < ? and r.lon >= ? and r.lon < ? and r.requested_at >= ?"
        + " order by r.requested_at desc, r.contact_id limit " + limit,
        row -> new Located(row.getString("contact_id"), row.getString("citizen_id"), Jdbc.instant(row, "requested_at"),
            row.getString("state"), row.getString("disposed"), row.getString("case_id"), row.getString("case_status"),
            row.getString("case_type"), row.getString("address"), row.getString("description")),
        south, north, west, east, since);
  }
}
