package org.onenumber.server.telephony;

import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.telephony.twilio.TwilioCallStore;
import org.onenumber.telephony.twilio.TwilioVoiceCalls;

/**
 * The Twilio calls carried, in table {@code twilio_calls} (migration V82). Called only on {@link
 * TwilioVoiceCalls}' writer thread, in the order of the changes (so an update-then-insert needs no
 * lock), and once at start. Thread-safe.
 */
@Singleton
final class JdbcTwilioCalls implements TwilioCallStore {

  private final Jdbc jdbc;

  JdbcTwilioCalls(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void saved(TwilioVoiceCalls.Call c) {
    String agent = c.agent() == null ? null : c.agent().value();
    Long wait = c.estimatedWait() == null ? null : c.estimatedWait().toMillis();
    int updated = jdbc.update("update twilio_calls set call_sid = ?, language = ?, queue_name = ?, phase = ?,"
        + " agent_id = ?, record_call = ?, position = ?, estimated_wait_ms = ? where contact_id = ?", c.callSid(),
        c.language().code(), c.queueName(), c.phase().name(), agent, c.record(), c.position(), wait,
        c.contact().value());
    if (updated == 0) {
      jdbc.update("insert into twilio_calls (contact_id, call_sid, language, queue_name, phase, agent_id, record_call,"
          + " position, estimated_wait_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", c.contact().value(), c.callSid(),
          c.language().code(), c.queueName(), c.phase().name(), agent, c.record(), c.position(), wait);
    }
  }

  @Override
  public void removed(ContactId contact) {
    jdbc.update("delete from twilio_calls where contact_id = ?", contact.value());
  }

  @Override
  public List<TwilioVoiceCalls.Call> all() {
    return jdbc.query("select * from twilio_calls", row -> new TwilioVoiceCalls.Call(row.getString("call_sid"),
        new ContactId(row.getString("contact_id")), new Language(row.getString("language")),
        row.getString("queue_name"), TwilioVoiceCalls.Phase.valueOf(row.getString("phase")),
        row.getString("agent_id") == null ? null : new AgentId(row.getString("agent_id")),
        row.getBoolean("record_call"), (Integer) row.getObject("position", Integer.class),
        row.getObject("estimated_wait_ms") == null ? null : Duration.ofMillis(row.getLong("estimated_wait_ms"))));
  }
}
