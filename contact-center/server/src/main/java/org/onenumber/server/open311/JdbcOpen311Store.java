package org.onenumber.server.open311;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.onenumber.channels.open311.GeoReportService;
import org.onenumber.channels.open311.StandardAttributes;
import org.onenumber.core.casework.Case;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.Open311CaseColumns;

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

  /**
   * A request with what {@code GET requests} shows of its case, from the request row alone: the
   * case's columns there are written with the case (V380, {@link Open311CaseColumns}); they are
   * null (and the status {@code open}) for a request without a case.
   */
  private static final String LISTED = "select " + REQUEST_COLUMNS
      + ", geo_status, case_department_id, case_due_at, case_updated_at, case_status_notes from open311_request";

  /**
   * A stored request and its GeoReport status ({@code open}/{@code closed}), its case's department
   * (null without a case), due date, last change and latest public note.
   */
  public record Listed(StoredRequest request, String status, String departmentId, Instant dueAt,
      Instant updatedAt, String statusNotes) {}

  private final Jdbc jdbc;
  /**
   * Services found by code, kept a minute (each filing names one; the catalogue changes only by
   * {@link #saveService}, which adds new codes: a code not found is never kept).
   */
  private final Cache<String, GeoReportService> services =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(1)).build();

  public JdbcOpen311Store(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public void saveService(GeoReportService s, int position) {
    services.invalidate(s.code());
    jdbc.update("insert into open311_service (code, name, description, keywords, service_group, department_id,"
        + " category, position) values (?, ?, ?, ?, ?, ?, ?, ?)", s.code(), s.name(), s.description(), s.keywords(),
        s.group(), s.department().value(), s.category(), position);
  }

  public List<GeoReportService> services() {
    return jdbc.query("select * from open311_service order by position, code", JdbcOpen311Store::service);
  }

  public Optional<GeoReportService> service(String code) {
    GeoReportService cached = services.getIfPresent(code);
    if (cached != null) {
      return Optional.of(cached);
    }
    Optional<GeoReportService> stored = jdbc.queryOne("select * from open311_service where code = ?",
        JdbcOpen311Store::service, code);
    stored.ifPresent(s -> services.put(code, s));
    return stored;
  }

  /**
   * Stores a filed request with what {@code GET requests} lists of its case {@code c} (as stored in
   * this transaction; later changes of the case rewrite them, {@link Open311CaseColumns}).
   */
  public void save(StoredRequest r, Case c) {
    Object[] listed = Open311CaseColumns.values(c);
    jdbc.update("insert into open311_request (" + REQUEST_COLUMNS + ", " + Open311CaseColumns.NAMES + ") values"
        + " (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", r.serviceRequestId(), r.token(), r.clientId(),
        r.serviceCode(), r.contactId(), r.requestedAt(), r.lat(), r.lon(), r.address(), r.addressId(), r.description(),
        r.mediaUrl(), r.attributes(), listed[0], listed[1], listed[2], listed[3], listed[4]);
  }

  public Optional<StoredRequest> request(String serviceRequestId) {
    return jdbc.queryOne("select " + REQUEST_COLUMNS + " from open311_request where service_request_id = ?",
        JdbcOpen311Store::request, serviceRequestId);
  }

  public Optional<StoredRequest> byToken(String token) {
    return jdbc.queryOne("select " + REQUEST_COLUMNS + " from open311_request where token = ?",
        JdbcOpen311Store::request, token);
  }

  /** The requests with these ids and their cases, newest first, in one statement. */
  public List<Listed> listed(List<String> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
    return jdbc.query(LISTED + " where service_request_id in (" + marks
        + ") order by requested_at desc, service_request_id desc", JdbcOpen311Store::listed, ids.toArray());
  }

  /**
   * Requests filed in {@code [from, to]} for any of {@code serviceCodes} (all when empty) whose
   * GeoReport status is one of {@code statuses} (both when empty; no case yet is {@code open}), with
   * their cases, newest first, at most {@code limit}: one range of one index read in order, no join
   * ({@code open311_request_status} (status, window, order; V380), {@code open311_request_listing}
   * (window and order, V345) or {@code open311_request_service}). On PostgreSQL without parallel
   * workers: it reads {@code limit} rows in index order and stops, and starting workers for that
   * (the planner's choice on 1,000,000 rows) took longer than the read.
   */
  public List<Listed> listed(Instant from, Instant to, List<String> serviceCodes, Set<String> statuses, int limit) {
    List<Object> args = new ArrayList<>(List.of(from, to));
    StringBuilder where = new StringBuilder(" where requested_at >= ? and requested_at <= ?");
    if (!serviceCodes.isEmpty()) {
      where.append(" and service_code in (").append(String.join(", ", Collections.nCopies(serviceCodes.size(), "?")))
          .append(')');
      args.addAll(serviceCodes);
    }
    if (statuses.size() == 1) {
      where.append(" and geo_status = ?");
      args.add(statuses.iterator().next());
    }
    args.add(limit);
    return jdbc.inTransaction(() -> {
      if (jdbc.postgres()) {
        jdbc.update("set local max_parallel_workers_per_gather = 0");
      }
      return jdbc.query(LISTED + where + " order by requested_at desc, service_request_id desc limit ?",
          JdbcOpen311Store::listed, args.toArray());
    });
  }

  private static Listed listed(ResultSet row) throws SQLException {
    return new Listed(request(row), row.getString("geo_status"), row.getString("case_department_id"),
        Jdbc.instant(row, "case_due_at"), Jdbc.instant(row, "case_updated_at"), row.getString("case_status_notes"));
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
