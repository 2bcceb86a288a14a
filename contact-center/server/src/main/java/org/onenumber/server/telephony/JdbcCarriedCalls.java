package org.onenumber.server.telephony;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.persistence.Jdbc;
import org.onenumber.telephony.asterisk.AsteriskCalls;
import org.onenumber.telephony.asterisk.CarriedCalls;

/**
 * The calls carried on Asterisk in table {@code asterisk_calls} (migration V81). Called only on
 * {@link AsteriskCalls}' writer thread, in the order of the changes. Thread-safe.
 */
@Singleton
final class JdbcCarriedCalls implements CarriedCalls {

  private final Jdbc jdbc;

  JdbcCarriedCalls(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void opened(AsteriskCalls.Call call, Instant at) {
    try {
      jdbc.update("insert into asterisk_calls (contact_id, caller_channel, unique_id, linked_id, agent_channel, opened_at)"
          + " values (?, ?, ?, ?, ?, ?)", call.contact().value(), call.callerChannel(), call.uniqueId(),
          call.linkedId(), call.agentChannel(), at);
    } catch (RetriableException e) {
      // The same contact again (a requeued call re-registered): keep the newest channels.
      jdbc.update("update asterisk_calls set caller_channel = ?, unique_id = ?, linked_id = ?, agent_channel = ?"
          + " where contact_id = ?", call.callerChannel(), call.uniqueId(), call.linkedId(), call.agentChannel(),
          call.contact().value());
    }
  }

  @Override
  public void agentLeg(ContactId contact, String agentChannel) {
    jdbc.update("update asterisk_calls set agent_channel = ? where contact_id = ?", agentChannel, contact.value());
  }

  @Override
  public void closed(ContactId contact) {
    jdbc.update("delete from asterisk_calls where contact_id = ?", contact.value());
  }

  @Override
  public List<AsteriskCalls.Call> openedBefore(Instant instant) {
    return jdbc.query("select contact_id, caller_channel, unique_id, linked_id, agent_channel from asterisk_calls"
        + " where opened_at < ? order by opened_at", row -> new AsteriskCalls.Call(new ContactId(row.getString(1)),
            row.getString(2), row.getString(3), row.getString(4)).withAgentChannel(row.getString(5)), instant);
  }
}
