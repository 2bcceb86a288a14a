package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.media.MediaFetchJob;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.MediaFetchJobs;

/**
 * Media jobs on table {@code media_fetch} (V250). A claim is a compare-and-set on {@code next_at},
 * so two workers (or two nodes) never fetch one job at once; {@code origin} is unique, so a
 * concurrent duplicate insert fails (retriable) instead of queuing a link twice. Thread-safe.
 */
@Singleton
public final class JdbcMediaFetchJobs implements MediaFetchJobs {

  private static final String COLUMNS = "id, origin, case_id, contact_id, url, source, state, attempts, next_at,"
      + " error, created_at";
  private final Jdbc jdbc;

  public JdbcMediaFetchJobs(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public boolean add(MediaFetchJob j) {
    if (jdbc.queryOne("select 1 from media_fetch where origin = ?", r -> 1, j.origin()).isPresent()) {
      return false;
    }
    jdbc.update("insert into media_fetch (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", j.id(),
        j.origin(), j.caseId() == null ? null : j.caseId().value(), j.contact() == null ? null : j.contact().value(),
        j.url().toString(), j.source(), j.state().name(), j.attempts(), j.nextAt(), j.error(), j.createdAt());
    return true;
  }

  @Override
  public List<MediaFetchJob> due(Instant now, int limit) {
    return jdbc.query("select " + COLUMNS + " from media_fetch where state = 'PENDING' and next_at <= ?"
        + " order by next_at limit ?", JdbcMediaFetchJobs::job, now, limit);
  }

  @Override
  public boolean claim(MediaFetchJob j, Instant until) {
    return jdbc.update("update media_fetch set next_at = ? where id = ? and state = 'PENDING' and next_at = ?",
        until, j.id(), j.nextAt()) == 1;
  }

  @Override
  public void update(MediaFetchJob j) {
    jdbc.update("update media_fetch set case_id = ?, state = ?, attempts = ?, next_at = ?, error = ? where id = ?",
        j.caseId() == null ? null : j.caseId().value(), j.state().name(), j.attempts(), j.nextAt(), j.error(), j.id());
  }

  @Override
  public boolean exists(String id) {
    return jdbc.queryOne("select 1 from media_fetch where id = ?", row -> true, id).isPresent();
  }

  @Override
  public List<MediaFetchJob> ofCase(CaseId caseId) {
    return jdbc.query("select " + COLUMNS + " from media_fetch where case_id = ? order by created_at, id",
        JdbcMediaFetchJobs::job, caseId.value());
  }

  private static MediaFetchJob job(ResultSet row) throws SQLException {
    String caseId = row.getString("case_id");
    String contact = row.getString("contact_id");
    return new MediaFetchJob(row.getString("id"), row.getString("origin"),
        caseId == null ? null : new CaseId(caseId), contact == null ? null : new ContactId(contact),
        URI.create(row.getString("url")), row.getString("source"), MediaFetchJob.State.valueOf(row.getString("state")),
        row.getInt("attempts"), Jdbc.instant(row, "next_at"), row.getString("error"),
        Jdbc.instant(row, "created_at"));
  }
}
