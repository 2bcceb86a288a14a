package org.onenumber.server.call;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.onenumber.channels.call.CallParty;
import org.onenumber.channels.call.CallPartyJournal;
import org.onenumber.core.contact.ContactId;
import org.onenumber.server.persistence.Jdbc;

/**
 * A call's third party joining and leaving, as events of the contact in the journal's
 * {@code domain_event} table ({@code call.party-joined}, {@code call.party-left}; payload
 * {@code {"type", "party", "who"}}, where {@code who} is an agent id or {@code link}). Only inserts:
 * the contact's snapshot, which routing writes, is never touched. Thread-safe.
 */
@Singleton
final class JdbcCallPartyJournal implements CallPartyJournal {

  private final Jdbc jdbc;
  private final JsonMapper json;
  private final InstantSource clock;

  JdbcCallPartyJournal(Jdbc jdbc, JsonMapper json, InstantSource clock) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public void joined(ContactId contact, CallParty party, String who) {
    insert("call.party-joined", contact, party, who);
  }

  @Override
  public void left(ContactId contact, CallParty party, String who) {
    insert("call.party-left", contact, party, who);
  }

  private void insert(String type, ContactId contact, CallParty party, String who) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("type", type);
    payload.put("party", party.code());
    payload.put("who", who);
    try {
      jdbc.update("insert into domain_event (type, at, contact_id, payload) values (?, ?, ?, ?)", type,
          clock.instant(), contact.value(), json.writeValueAsString(payload));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
