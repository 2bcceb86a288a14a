package org.onenumber.server.chat;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.server.persistence.Jdbc;

/** End-of-contact surveys on table {@code contact_survey}; a second answer replaces the first. Thread-safe. */
@Singleton
public final class JdbcSurveys {

  /** A citizen's answer: satisfaction 1..5 and whether their question was resolved. */
  public record Survey(ContactId contact, int satisfaction, boolean resolved, Instant at) {
    public Survey {
      InvalidInputException.require(contact, "contact");
      if (satisfaction < 1 || satisfaction > 5) {
        throw new InvalidInputException("satisfaction must be 1..5");
      }
    }
  }

  private final Jdbc jdbc;

  JdbcSurveys(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public void save(Survey s) {
    jdbc.inTransaction(() -> {
      jdbc.update("delete from contact_survey where contact_id = ?", s.contact().value());
      return jdbc.update("insert into contact_survey (contact_id, satisfaction, resolved, at) values (?, ?, ?, ?)",
          s.contact().value(), s.satisfaction(), s.resolved(), s.at());
    });
  }

  public Optional<Survey> find(ContactId contact) {
    return jdbc.queryOne("select * from contact_survey where contact_id = ?", row -> new Survey(contact,
        row.getInt("satisfaction"), row.getBoolean("resolved"), Jdbc.instant(row, "at")), contact.value());
  }
}
