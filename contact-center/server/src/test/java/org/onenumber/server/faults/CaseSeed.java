package org.onenumber.server.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores N cases straight into a migrated PostgreSQL database for the cases bench, set-based
 * ({@code insert … select … from generate_series}, one statement per table, in batches of
 * {@value #BATCH}): each case is also an Open311 request (same id, a random-looking token), has a
 * history of one to three rows and one linked contact (created and closed) of its own citizen
 * (with an Open311 handle), and belongs to the demo departments and services in turn.
 * Statuses: 60% closed, then open, accepted, in progress, waiting on the citizen (10% each); every
 * history starts {@code OPEN} at the opening (a restarted server reads these cases back), a closed
 * case was resolved with a public answer 1–47 h later and closed 3 days after opening, the others
 * moved 5–94 minutes after opening (never later than now); due
 * dates 3–30 days ahead (no reminder or overdue sweep fires); opened and requested every 20 s back
 * from now; each request row carries its case's listed columns as {@code Open311CaseColumns} writes
 * them (V380). PostgreSQL only (it uses {@code generate_series} and {@code md5}).
 */
final class CaseSeed {

  static final int BATCH = 100_000;

  private CaseSeed() {}

  /** Seeds {@code count} cases into the database at {@code url}; returns the seconds it took. */
  static double seed(String url, int count) throws SQLException {
    long t0 = System.nanoTime();
    try (Connection c = DriverManager.getConnection(url, "onenumber", "onenumber"); Statement s = c.createStatement()) {
      String departments = array(s, "select id from department order by id");
      String services = array(s, "select code from open311_service order by code");
      String client = one(s, "select id from open311_client order by id");
      for (int from = 1; from <= count; from += BATCH) {
        int to = Math.min(count, from + BATCH - 1);
        String series = " from generate_series(" + from + ", " + to + ") i";
        String id = "'B' || lpad(i::text, 9, '0')";
        String opened = "now() - (" + count + " - i) * interval '20 seconds'";
        String due = "now() + (3 + i % 28) * interval '1 day'";
        String moved = "least(" + opened + " + (5 + i % 90) * interval '1 minute', now())";
        String resolved = "least(" + opened + " + (1 + i % 47) * interval '1 hour', now())";
        String closed = "least(" + opened + " + interval '3 days', now())";
        String status = "(case when i % 10 < 6 then 'CLOSED' when i % 10 = 6 then 'OPEN' when i % 10 = 7 then"
            + " 'ACCEPTED' when i % 10 = 8 then 'IN_PROGRESS' else 'WAITING_ON_CITIZEN' end)";
        // Each case its own citizen (an Open311 handle, as a filing without a phone gets) and contact,
        // as in a city with a million cases: the tables a filing writes are not near-empty ones whose
        // plans (sequential scans) go stale while the bench fills them.
        String citizen = "'BC' || lpad(i::text, 9, '0')";
        String contact = "'BK' || lpad(i::text, 9, '0')";
        s.execute("insert into citizen (id, name, preferred_language, store_history, record_calls, sms_opt_out)"
            + " select " + citizen + ", null, 'ko', true, false, false" + series);
        s.execute("insert into citizen_identity (kind, identity, citizen_id) select 'chat', 'open311:bench:' || i, "
            + citizen + series);
        s.execute("insert into contact (id, channel, citizen_id, language, required_skills, priority, state,"
            + " created_at, updated_at) select " + contact + ", 'WEB_FORM', " + citizen + ", 'ko', '', 0, 'CLOSED', "
            + opened + ", " + opened + series);
        s.execute("insert into contact_step (contact_id, seq, state, at, reason) select " + contact + ", 0, 'CREATED', "
            + opened + ", null" + series);
        s.execute("insert into contact_step (contact_id, seq, state, at, reason) select " + contact + ", 1, 'CLOSED', "
            + opened + ", 'bench'" + series);
        s.execute("insert into case_file (id, department_id, category, priority, summary, citizen_id, due_at, status,"
            + " opened_at, version) select " + id + ", (" + departments + ")[1 + i % cardinality(" + departments
            + ")], 'bench', 'NORMAL', 'bench case', " + citizen + ", " + due + ", "
            + status + ", " + opened + ", case when i % 10 < 6 then 3 when i % 10 = 6 then 1 else 2 end" + series);
        String history = "insert into case_status (case_id, seq, status, at, author, public_note, kind) select " + id;
        s.execute(history + ", 0, 'OPEN', " + opened + ", 'op-001', null, 'STATUS'" + series);
        s.execute(history + ", 1, case when i % 10 < 6 then 'RESOLVED' else " + status + " end, case when i % 10 < 6"
            + " then " + resolved + " else " + moved + " end, 'staff', case when i % 10 < 6 then 'bench answer' end,"
            + " 'STATUS'" + series + " where i % 10 <> 6");
        s.execute(history + ", 2, 'CLOSED', " + closed + ", 'staff', null, 'STATUS'" + series + " where i % 10 < 6");
        s.execute("insert into case_contact (case_id, seq, contact_id) select " + id + ", 0, " + contact + series);
        s.execute("insert into open311_request (service_request_id, token, client_id, service_code, contact_id,"
            + " requested_at, lat, lon, description, geo_status, case_department_id, case_due_at, case_updated_at,"
            + " case_status_notes)"
            + " select " + id + ", substr(md5(" + id + "), 1, 24), '" + client
            + "', (" + services + ")[1 + i % cardinality(" + services + ")], " + contact + ", " + opened
            + ", 37.5 + (i % 100) / 1000.0, 126.9 + (i % 100) / 1000.0, 'bench request', case when i % 10 < 6 then"
            + " 'closed' else 'open' end, (" + departments + ")[1 + i % cardinality(" + departments + ")], " + due
            + ", case when i % 10 < 6 then " + closed + " when i % 10 = 6 then " + opened + " else " + moved + " end,"
            + " case when i % 10 < 6 then 'bench answer' end" + series);
      }
      s.execute("analyze");
    }
    return (System.nanoTime() - t0) / 1e9;
  }

  private static String array(Statement s, String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (var rows = s.executeQuery(query)) {
      while (rows.next()) {
        values.add("'" + rows.getString(1).replace("'", "''") + "'");
      }
    }
    return "array[" + String.join(", ", values) + "]::varchar[]";
  }

  private static String one(Statement s, String query) throws SQLException {
    try (var rows = s.executeQuery(query)) {
      rows.next();
      return rows.getString(1).replace("'", "''");
    }
  }
}
