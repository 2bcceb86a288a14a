package org.onenumber.server.privacy;

import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.List;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.telephony.RecordingEraser;

/**
 * A citizen's erasure request, carried out in this order:
 *
 * <ol>
 *   <li>recordings of the citizen's contacts: files and rows deleted;
 *   <li>in one transaction: message bodies, peer addresses and media blanked; notes and chat
 *       sessions of their contacts deleted, and the intake idempotency keys of their contacts (a key's
 *       stored first answer names the topic); contact topics cleared; case summaries blanked and case
 *       notes cleared; remembered call languages of their phones and their identities (phones,
 *       e-mails) deleted; their name cleared;
 *   <li>the request audited ({@code erase} on the citizen, with the reason), ids only.
 * </ol>
 *
 * What stays: the citizen row (an id, language and consents, no data), contacts with their channel,
 * queue, agent, states and times, case numbers, departments and status history — so counts and
 * service levels are unchanged — and the audit trail, which holds ids and never data. A citizen who
 * writes again from the same phone becomes a new citizen. Repeating an erasure is harmless.
 * Thread-safe.
 */
@Singleton
public final class CitizenErasure {

  private final Jdbc jdbc;
  private final RecordingEraser recordings;
  private final AuditLog audit;
  private final InstantSource clock;

  public CitizenErasure(Jdbc jdbc, RecordingEraser recordings, AuditLog audit, InstantSource clock) {
    this.jdbc = jdbc;
    this.recordings = recordings;
    this.audit = audit;
    this.clock = clock;
  }

  /** What was erased. */
  @io.micronaut.serde.annotation.Serdeable
  public record Erased(String citizenId, int contacts, int messages, int notes, int recordings, int identities) {}

  /** Erases citizen {@code id}'s personal data on behalf of {@code actor} ({@code role}, from {@code source}). */
  public Erased erase(String id, String reason, String actor, String role, String source) {
    if (jdbc.queryOne("select id from citizen where id = ?", row -> row.getString(1), id).isEmpty()) {
      throw new NotFoundException("citizen", id);
    }
    List<String> contacts = jdbc.query("select id from contact where citizen_id = ?", row -> row.getString(1), id);
    int recorded = 0;
    for (String contact : contacts) {
      recorded += recordings.erase(contact) ? 1 : 0;
    }
    int[] counts = jdbc.inTransaction(() -> {
      int messages = 0;
      int notes = 0;
      for (String contact : contacts) {
        messages += jdbc.update("update message set body = ?, peer = ?, media = null where contact_id = ?",
            RetentionSweep.ERASED_TEXT, RetentionSweep.ERASED, contact);
        notes += jdbc.update("delete from contact_note where contact_id = ?", contact);
        jdbc.update("delete from chat_session where contact_id = ?", contact);
        jdbc.update("delete from intake_key where contact_id = ?", contact);
      }
      jdbc.update("update contact set topic = null where citizen_id = ?", id);
      jdbc.update("update case_status set note = null where case_id in (select id from case_file where citizen_id = ?)",
          id);
      jdbc.update("update case_file set summary = ? where citizen_id = ?", RetentionSweep.ERASED_TEXT, id);
      jdbc.update("delete from case_attachment where case_id in (select id from case_file where citizen_id = ?)", id);
      jdbc.update("delete from media_fetch where case_id in (select id from case_file where citizen_id = ?)"
          + " or contact_id in (select id from contact where citizen_id = ?)", id, id);
      jdbc.update("delete from caller_language where phone in"
          + " (select identity from citizen_identity where citizen_id = ? and kind = 'phone')", id);
      int identities = jdbc.update("delete from citizen_identity where citizen_id = ?", id);
      jdbc.update("update citizen set name = null where id = ?", id);
      return new int[] {messages, notes, identities};
    });
    audit.append(new AuditEntry(actor, role, "erase", "citizen", id, id, reason, source, clock.instant()));
    return new Erased(id, contacts.size(), counts[0], counts[1], recorded, counts[2]);
  }
}
