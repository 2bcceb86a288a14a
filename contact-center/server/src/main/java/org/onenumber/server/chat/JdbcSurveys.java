package org.onenumber.server.chat;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.SurveyAnswered;
import org.onenumber.server.events.VertxEventPublisher;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.server.persistence.JdbcServiceLevelFacts;

/**
 * The chat's end-of-contact survey, stored in the one survey table ({@code survey_answer}) that
 * service levels read, and published as {@link SurveyAnswered} so the wallboard counts it. The
 * first answer for a contact counts; a repeat is ignored. Thread-safe.
 */
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
  private final JdbcServiceLevelFacts facts;
  private final VertxEventPublisher events;

  JdbcSurveys(Jdbc jdbc, JdbcServiceLevelFacts facts, VertxEventPublisher events) {
    this.jdbc = jdbc;
    this.facts = facts;
    this.events = events;
  }

  public void save(Survey s) {
    SurveyAnswered answer = new SurveyAnswered(s.contact(), s.resolved(), s.satisfaction(), s.at());
    if (facts.saveSurvey(answer)) {
      events.publish(answer);
    }
  }

  public Optional<Survey> find(ContactId contact) {
    return jdbc.queryOne("select * from survey_answer where contact_id = ?", row -> new Survey(contact,
        row.getInt("score"), row.getBoolean("resolved"), Jdbc.instant(row, "at")), contact.value());
  }
}
