package org.onenumber.server.analytics;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.onenumber.server.persistence.Jdbc;

/**
 * The stored categories of contacts and cases ({@code contact_disposition}, {@code case_category},
 * migration V280): type codes of the city's tree with who chose them and when. Writing again
 * replaces; every disposition of a contact is also appended to {@code contact_disposition_history}
 * (V355), in the same transaction, so the latest drives the category and the earlier ones stay. Thread-safe (each call is its own statement or transaction).
 */
@Singleton
public final class JdbcComplaintCategories {

  /** Who gave a case its category. */
  public enum Source { CONTACT, AUTOMATIC, STAFF }

  /** A case's category. */
  public record CaseCategory(String type, Source source, String chosenBy, Instant at) {}

  private final Jdbc jdbc;

  JdbcComplaintCategories(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** A disposition of a contact in its history: the type, who chose it and when. */
  @io.micronaut.serde.annotation.Serdeable
  public record DispositionEntry(String category, String chosenBy, Instant chosenAt) {}

  /** Stores the operator's disposition of a contact (the latest replaces an earlier one; all are kept). */
  public void dispose(String contactId, String type, String chosenBy, Instant at) {
    jdbc.inTransaction(() -> {
      jdbc.update("insert into contact_disposition_history (contact_id, type_code, chosen_by, chosen_at)"
          + " values (?, ?, ?, ?)", contactId, type, chosenBy, at);
      if (jdbc.update("update contact_disposition set type_code = ?, chosen_by = ?, chosen_at = ? where contact_id = ?",
          type, chosenBy, at, contactId) == 0) {
        jdbc.update("insert into contact_disposition (contact_id, type_code, chosen_by, chosen_at) values (?, ?, ?, ?)",
            contactId, type, chosenBy, at);
      }
      return null;
    });
  }

  /** The operator's disposition of a contact, if given. */
  public Optional<String> disposition(String contactId) {
    return jdbc.queryOne("select type_code from contact_disposition where contact_id = ?",
        row -> row.getString("type_code"), contactId);
  }

  /** Every disposition of a contact, oldest first (the last one is its current disposition). */
  public java.util.List<DispositionEntry> dispositionHistory(String contactId) {
    return jdbc.query("select type_code, chosen_by, chosen_at from contact_disposition_history where contact_id = ?"
        + " order by id", row -> new DispositionEntry(row.getString("type_code"), row.getString("chosen_by"),
        Jdbc.instant(row, "chosen_at")), contactId);
  }

  /** The dispositions of the contacts created in [from, to), by contact id. */
  public Map<String, String> dispositions(Instant from, Instant to) {
    Map<String, String> byContact = new HashMap<>();
    jdbc.query("select d.contact_id, d.type_code from contact_disposition d join contact c on c.id = d.contact_id"
        + " where c.created_at >= ? and c.created_at < ?", row -> byContact.put(row.getString("contact_id"),
        row.getString("type_code")), from, to);
    return byContact;
  }

  /** A disposition as stored: the contact, its creation, the type and when it was chosen. */
  public record Disposed(String contactId, Instant contactCreatedAt, String type, Instant chosenAt) {}

  /** The dispositions of the contacts created in [from, to), in the order they were chosen. */
  public java.util.List<Disposed> disposedInOrder(Instant from, Instant to) {
    return jdbc.query("select d.contact_id, c.created_at, d.type_code, d.chosen_at from contact_disposition d"
        + " join contact c on c.id = d.contact_id where c.created_at >= ? and c.created_at < ?"
        + " order by d.chosen_at, d.contact_id", row -> new Disposed(row.getString("contact_id"),
        org.onenumber.server.persistence.Jdbc.instant(row, "created_at"), row.getString("type_code"),
        org.onenumber.server.persistence.Jdbc.instant(row, "chosen_at")), from, to);
  }

  /** When a contact was created, if it exists. */
  public Optional<Instant> contactCreatedAt(String contactId) {
    return jdbc.queryOne("select created_at from contact where id = ?",
        row -> org.onenumber.server.persistence.Jdbc.instant(row, "created_at"), contactId);
  }

  /** Stores a case's category (replacing an earlier one). */
  public void classifyCase(String caseId, String type, Source source, String chosenBy, Instant at) {
    jdbc.inTransaction(() -> {
      if (jdbc.update("update case_category set type_code = ?, source = ?, chosen_by = ?, chosen_at = ? where case_id = ?",
          type, source.name(), chosenBy, at, caseId) == 0) {
        jdbc.update("insert into case_category (case_id, type_code, source, chosen_by, chosen_at) values (?, ?, ?, ?, ?)",
            caseId, type, source.name(), chosenBy, at);
      }
      return null;
    });
  }

  /** A category chosen for a case: what {@link #classifyCases} stores. */
  public record Classified(String caseId, String type, Source source, String chosenBy, Instant at) {}

  /**
   * As {@link #classifyCase} for each of {@code chosen}, in one transaction: on PostgreSQL one batch
   * of upserts ({@code on conflict … do update}); elsewhere the updates as one batch, then the
   * inserts of the cases that had none as another.
   */
  public void classifyCases(java.util.List<Classified> chosen) {
    if (chosen.isEmpty()) {
      return;
    }
    if (jdbc.postgres()) {
      jdbc.inTransaction(() -> jdbc.batch("insert into case_category (case_id, type_code, source, chosen_by, chosen_at)"
          + " values (?, ?, ?, ?, ?) on conflict (case_id) do update set type_code = excluded.type_code,"
          + " source = excluded.source, chosen_by = excluded.chosen_by, chosen_at = excluded.chosen_at",
          chosen.stream().map(c -> new Object[] {c.caseId(), c.type(), c.source().name(), c.chosenBy(), c.at()})
              .toList()));
      return;
    }
    jdbc.inTransaction(() -> {
      int[] updated = jdbc.batch("update case_category set type_code = ?, source = ?, chosen_by = ?, chosen_at = ?"
          + " where case_id = ?", chosen.stream().map(c -> new Object[] {c.type(), c.source().name(), c.chosenBy(),
          c.at(), c.caseId()}).toList());
      java.util.List<Object[]> inserts = new java.util.ArrayList<>();
      for (int i = 0; i < chosen.size(); i++) {
        if (updated[i] == 0) {
          Classified c = chosen.get(i);
          inserts.add(new Object[] {c.caseId(), c.type(), c.source().name(), c.chosenBy(), c.at()});
        }
      }
      jdbc.batch("insert into case_category (case_id, type_code, source, chosen_by, chosen_at) values (?, ?, ?, ?, ?)",
          inserts);
      return null;
    });
  }

  /** The operator's dispositions of {@code contactIds} (those given), by contact id; one statement. */
  public Map<String, String> dispositions(java.util.Collection<String> contactIds) {
    Map<String, String> byContact = new HashMap<>();
    if (!contactIds.isEmpty()) {
      jdbc.query("select contact_id, type_code from contact_disposition where contact_id in (" + marks(contactIds.size())
          + ")", row -> byContact.put(row.getString(1), row.getString(2)), contactIds.toArray());
    }
    return byContact;
  }

  /** The topics of {@code contactIds} (those stored with one), by contact id; one statement. */
  public Map<String, String> topics(java.util.Collection<String> contactIds) {
    Map<String, String> byContact = new HashMap<>();
    if (!contactIds.isEmpty()) {
      jdbc.query("select id, topic from contact where topic is not null and id in (" + marks(contactIds.size()) + ")",
          row -> byContact.put(row.getString(1), row.getString(2)), contactIds.toArray());
    }
    return byContact;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  /** A case's category, if known. */
  public Optional<CaseCategory> caseCategory(String caseId) {
    return jdbc.queryOne("select * from case_category where case_id = ?", row -> new CaseCategory(
        row.getString("type_code"), Source.valueOf(row.getString("source")), row.getString("chosen_by"),
        Jdbc.instant(row, "chosen_at")), caseId);
  }

  /** The cases opened from a contact that are still classified automatically or from the contact. */
  public java.util.List<String> casesFollowingContact(String contactId) {
    return jdbc.query("select cc.case_id from case_contact cc join case_category k on k.case_id = cc.case_id"
        + " where cc.contact_id = ? and k.source <> 'STAFF'", row -> row.getString("case_id"), contactId);
  }
}
