package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.onenumber.server.persistence.Jdbc;

/**
 * The places of contacts learned after intake, as stored: an Open311 request's {@code lat}/{@code lon}
 * (table {@code open311_request}, issue 14) for the emerging-issue fold's batch recomputation.
 * Thread-safe.
 */
@Singleton
final class JdbcContactPlaces {

  /** A contact's place, the contact's creation, and when the place was stored. */
  record Placed(String contact, Instant contactCreatedAt, double latitude, double longitude, Instant at) {}

  private final Jdbc jdbc;

  JdbcContactPlaces(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The located requests of contacts created in [from, to), in the order they were filed. */
  List<Placed> placedInOrder(Instant from, Instant to) {
    return jdbc.query("select r.contact_id, c.created_at, r.lat, r.lon, r.requested_at from open311_request r"
        + " join contact c on c.id = r.contact_id where c.created_at >= ? and c.created_at < ?"
        + " and r.lat is not null and r.lon is not null order by r.requested_at, r.contact_id",
        row -> new Placed(row.getString("contact_id"), Jdbc.instant(row, "created_at"), row.getDouble("lat"),
            row.getDouble("lon"), Jdbc.instant(row, "requested_at")), from, to);
  }
}
