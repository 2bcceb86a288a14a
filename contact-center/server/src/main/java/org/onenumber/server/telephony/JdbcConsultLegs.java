package org.onenumber.server.telephony;

import jakarta.inject.Singleton;
import java.util.List;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.telephony.twilio.ConsultLegStore;

/** The Twilio consult legs under way, in table {@code twilio_consult_legs} (migration V291). Thread-safe. */
@Singleton
final class JdbcConsultLegs implements ConsultLegStore {

  private final Jdbc jdbc;

  JdbcConsultLegs(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void placed(Leg leg) {
    jdbc.update("insert into twilio_consult_legs (call_sid, contact_id) values (?, ?)", leg.callSid(),
        leg.contact().value());
  }

  @Override
  public void ended(String callSid) {
    jdbc.update("delete from twilio_consult_legs where call_sid = ?", callSid);
  }

  @Override
  public List<Leg> all() {
    return jdbc.query("select contact_id, call_sid from twilio_consult_legs",
        row -> new Leg(new ContactId(row.getString(1)), row.getString(2)));
  }
}
