package org.onenumber.server.open311;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.onenumber.channels.open311.GeoReportService;
import org.onenumber.channels.open311.StandardAttributes;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.server.persistence.Jdbc;

/**
 * Open311's tables: the service catalogue and the filed
 * requests with the queries {@code GET requests} needs (by ids, by date window and service codes,
 * newest first). Every service gets {@link StandardAttributes}. Thread-safe; joins the caller's
 * transaction when there is one.
 */
@Singleton
public final class JdbcOpen311Store {

  private static final String REQUEST_COLUMNS = "service_request_id, token, client_id, service_code, contact_id,"
      + " requested_at, lat, lon, address, address_id, description, media_url, attributes";

  private final Jdbc jdbc;

  public JdbcOpen311Store(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public void saveService(GeoReportService s, int position) {
    jdbc.update("insert into open311_service (code, name, description, keywords, service_group, department_id,"
        + " category, position) values (?, ?, ?, ?, ?, ?, ?, ?)", s.code(), s.name(), s.description(), s.keywords(),
        s.group(), s.department().value(), s.category(), position);
  }

  public List<GeoReportService> services() {
    return jdbc.query("select * from open311_service order by position, code", JdbcOpen311Store::service);
  }

  public Optional<GeoReportService> service(String code) {
    return jdbc.queryOne("select * from open311_service where code = ?", JdbcOpen311Store::service, code);
  }

  public void save(StoredRequest r) {
    jdbc.update("insert into open311_request (" + REQUEST_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        r.serviceRequestId(), r.token(), r.clientId(), r.serviceCode(), r.contactId(), r.requestedAt(), r.lat(),
        r.lon(), r.address(), r.addressId(), r.description(), r.mediaUrl(), r.attributes());
  }

  public Optional<StoredRequest> request(String serviceRequestId) {
    return jdbc.queryOne("select " + REQUEST_COLUMNS + " from open311_request where service_request_id = ?",
        JdbcOpen311Store::request, serviceRequestId);
  }

  public Optional<StoredRequest> byToken(String token) {
    return jdbc.queryOne("select " + REQUEST_COLUMNS + " from open311_request where token = ?",
        JdbcOpen311Store::request, token);
  }

  /** The requests with these ids, newest first. */
  public List<StoredRequest> requests(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
    return jdbc.query("select " + REQUEST_COLUMNS + " from open311_request where service_request_id in (" + marks
        + ") order by requested_at desc, service_request_id desc", JdbcOpen311Store::request, ids.toArray());
  }

  /**
   * Requests filed in {@code [from, to]} for any of {@code serviceCodes} (all when empty), newest
   * first, skipping {@code offset} and returning at most {@code limit}.
   */
  public List<StoredRequest> requests(Instant from, Instant to, List<String> serviceCodes, int offset, int limit) {
    List<Object> args = new ArrayList<>(List.of(from, to));
    String codes = "";
    if (!serviceCodes.isEmpty()) {
      codes = " and service_code in (" + String.join(", ", Collections.nCopies(serviceCodes.size(), "?")) + ")";
      args.addAll(serviceCodes);
    }
    args.add(limit);
    args.add(offset);
    return jdbc.query("select " + REQUEST_COLUMNS + " from open311_request where requested_at >= ? and requested_at"
        + " <= ?" + codes + " order by requested_at desc, service_request_id desc limit ? offset ?",
        JdbcOpen311Store::request, args.toArray());
  }

  private static GeoReportService service(ResultSet row) throws SQLException {
    return new GeoReportService(row.getString("code"), row.getString("name"), row.getString("description"),
        row.getString("keywords"), row.getString("service_group"), new DepartmentId(row.getString("department_id")),
        row.getString("category"), StandardAttributes.all());
  }

  private static StoredRequest request(ResultSet row) throws SQLException {
    return new StoredRequest(row.getString("service_request_id"), row.getString("token"), row.getString("client_id"),
        row.getString("service_code"), row.getString("contact_id"), Jdbc.instant(row, "requested_at"),
        nullableDouble(row, "lat"), nullableDouble(row, "lon"), row.getString("address"), row.getString("address_id"),
        row.getString("description"), row.getString("media_url"), row.getString("attributes"));
  }

  private static Double nullableDouble(ResultSet row, String column) throws SQLException {
    double v = row.getDouble(column);
    return row.wasNull() ? null : v;
  }
}
