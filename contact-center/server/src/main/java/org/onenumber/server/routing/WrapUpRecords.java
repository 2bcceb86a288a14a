package org.onenumber.server.routing;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.analytics.Dispositions;
import org.onenumber.server.console.JdbcContactNotes;
import org.onenumber.server.persistence.Jdbc;

/**
 * A wrap-up's note and disposition, each stored at most once per contact and operator (issue 11,
 * session 18). The wrap-up's step is the routing engine's (journaled by the partition's owner, maybe
 * another node); these two are written after it, so the operator's click again, when the first answer
 * was lost, must be able to add what is missing without doubling what is there. The contact's row is
 * locked ({@code select ... for update}) while one call looks and writes, so a slow first wrap-up and
 * its repeat that run at once store one of each. Blocking; thread-safe.
 */
@Singleton
final class WrapUpRecords {

  private final Jdbc jdbc;
  private final JdbcContactNotes notes;
  private final Dispositions dispositions;

  WrapUpRecords(Jdbc jdbc, JdbcContactNotes notes, Dispositions dispositions) {
    this.jdbc = jdbc;
    this.notes = notes;
    this.dispositions = dispositions;
  }

  /** Stores {@code note} and {@code disposed} (either may be null) unless {@code operator} gave one for the contact. */
  void storeOnce(ContactId contact, String operator, @Nullable String note, @Nullable ComplaintType disposed) {
    boolean withNote = note != null && !note.isBlank();
    if (!withNote && disposed == null) {
      return;
    }
    jdbc.inTransaction(() -> {
      jdbc.queryOne("select id from contact where id = ? for update", row -> row.getString(1), contact.value());
      if (withNote && count("select count(*) from contact_note where contact_id = ? and kind = 'WRAP_UP' and author = ?",
          contact, operator) == 0) {
        notes.add(contact, JdbcContactNotes.Kind.WRAP_UP, operator, note);
      }
      if (disposed != null && count("select count(*) from contact_disposition_history where contact_id = ?"
          + " and chosen_by = ?", contact, operator) == 0) {
        dispositions.record(contact, disposed, operator);
      }
      return null;
    });
  }

  private int count(String sql, ContactId contact, String operator) {
    return jdbc.queryOne(sql, row -> row.getInt(1), contact.value(), operator).orElse(0);
  }
}
