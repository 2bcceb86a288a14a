package org.onenumber.server.persistence;

import jakarta.inject.Singleton;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.casework.CaseId;
import org.onenumber.core.casework.attachment.AttachmentType;
import org.onenumber.core.casework.attachment.CaseAttachment;
import org.onenumber.core.port.out.CaseAttachments;

/**
 * Attachments on table {@code case_attachment}: one row per attachment, its bytes in a
 * {@code bytea} column beside the description, so an attachment is stored (and erased) with one
 * statement and is never a file under the web root. Lists never read the bytes. Thread-safe.
 */
@Singleton
public final class JdbcCaseAttachments implements CaseAttachments {

  private final Jdbc jdbc;

  public JdbcCaseAttachments(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void add(CaseAttachment a, byte[] content) {
    jdbc.update("insert into case_attachment (id, case_id, media_type, size_bytes, sha256, source, added_by, added_at,"
        + " content) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", a.id(), a.caseId().value(), a.type().name(), a.sizeBytes(),
        a.sha256(), a.source(), a.addedBy(), a.addedAt(), content);
  }

  @Override
  public List<CaseAttachment> of(CaseId caseId) {
    return jdbc.query("select id, case_id, media_type, size_bytes, sha256, source, added_by, added_at"
        + " from case_attachment where case_id = ? order by added_at, id", JdbcCaseAttachments::attachment,
        caseId.value());
  }

  @Override
  public void remove(CaseId caseId, String id) {
    jdbc.update("delete from case_attachment where id = ? and case_id = ?", id, caseId.value());
  }

  @Override
  public Optional<byte[]> content(CaseId caseId, String id) {
    return jdbc.queryOne("select content from case_attachment where id = ? and case_id = ?",
        row -> row.getBytes(1), id, caseId.value());
  }

  private static CaseAttachment attachment(ResultSet row) throws SQLException {
    return new CaseAttachment(row.getString("id"), new CaseId(row.getString("case_id")),
        AttachmentType.valueOf(row.getString("media_type")), row.getInt("size_bytes"), row.getString("sha256"),
        row.getString("source"), row.getString("added_by"), Jdbc.instant(row, "added_at"));
  }
}
