package org.onenumber.server.call;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Optional;
import org.onenumber.channels.call.CallQuality;
import org.onenumber.channels.call.CallQualityStore;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.persistence.Jdbc;

/**
 * The latest quality summary per call in {@code call_quality} (V120): an update, or an insert for
 * the first report. The reports of one call come from one console socket, one at a time, so the
 * two statements never race for the same contact. Thread-safe.
 */
@Singleton
final class JdbcCallQuality implements CallQualityStore {

  private final Jdbc jdbc;
  private final InstantSource clock;

  JdbcCallQuality(Jdbc jdbc, InstantSource clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void save(ContactId contact, CallQuality q) {
    var now = clock.instant();
    jdbc.inTransaction(() -> {
      int updated = jdbc.update("update call_quality set first_frame_ms = coalesce(first_frame_ms, ?), rtt_ms = ?,"
          + " loss_percent = ?, fps = ?, bitrate_kbps = ?, frames_decoded = ?, updated_at = ? where contact_id = ?",
          q.firstFrameMs(), q.rttMs(), q.lossPercent(), q.fps(), q.bitrateKbps(), q.framesDecoded(), now, contact.value());
      if (updated == 0) {
        jdbc.update("insert into call_quality (contact_id, first_frame_ms, rtt_ms, loss_percent, fps, bitrate_kbps,"
            + " frames_decoded, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)", contact.value(), q.firstFrameMs(),
            q.rttMs(), q.lossPercent(), q.fps(), q.bitrateKbps(), q.framesDecoded(), now);
      }
      return null;
    });
  }

  Optional<CallQuality> find(ContactId contact) {
    return jdbc.queryOne("select * from call_quality where contact_id = ?", JdbcCallQuality::row, contact.value());
  }

  private static CallQuality row(ResultSet row) throws SQLException {
    return new CallQuality(number(row, "first_frame_ms"), number(row, "rtt_ms"), decimal(row, "loss_percent"),
        decimal(row, "fps"), number(row, "bitrate_kbps"), number(row, "frames_decoded"));
  }

  private static Long number(ResultSet row, String column) throws SQLException {
    long value = row.getLong(column);
    return row.wasNull() ? null : value;
  }

  private static Double decimal(ResultSet row, String column) throws SQLException {
    double value = row.getDouble(column);
    return row.wasNull() ? null : value;
  }
}
