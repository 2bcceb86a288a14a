package org.onenumber.server.telephony;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.telephony.twilio.HeardAnswers;

/**
 * Which Twilio call heard which self-service answer, in table {@code twilio_heard_answers}
 * (migration V290). {@link #forget} is one {@code delete}: of two status callbacks at once only the
 * one whose delete removed the row counts the call. Thread-safe.
 */
@Singleton
final class JdbcHeardAnswers implements HeardAnswers {

  private final Jdbc jdbc;

  JdbcHeardAnswers(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void heard(Heard h) {
    Object[] values = {h.topic(), h.language().code(), h.caller().kind(), h.caller().value(), h.at(), h.callSid()};
    if (jdbc.update("update twilio_heard_answers set topic = ?, language = ?, identity_kind = ?, identity_value = ?,"
        + " heard_at = ? where call_sid = ?", values) == 0) {
      jdbc.update("insert into twilio_heard_answers (topic, language, identity_kind, identity_value, heard_at,"
          + " call_sid) values (?, ?, ?, ?, ?, ?)", values);
    }
  }

  @Override
  public Optional<Heard> find(String callSid) {
    return jdbc.queryOne("select * from twilio_heard_answers where call_sid = ?", row -> new Heard(
        row.getString("call_sid"), row.getString("topic"), new Language(row.getString("language")),
        CitizenIdentity.of(row.getString("identity_kind"), row.getString("identity_value")),
        Jdbc.instant(row, "heard_at")), callSid);
  }

  @Override
  public boolean forget(String callSid) {
    return jdbc.update("delete from twilio_heard_answers where call_sid = ?", callSid) > 0;
  }

  @Override
  public void forgetBefore(Instant horizon) {
    jdbc.update("delete from twilio_heard_answers where heard_at < ?", horizon);
  }
}
