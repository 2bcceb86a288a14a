package org.onenumber.server.call;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.onenumber.channels.call.CallParty;
import org.onenumber.channels.call.CallPartyJournal;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.server.persistence.Jdbc;

/**
 * A call's third party joining and leaving, as events of the contact in the journal's
 * {@code domain_event} table ({@code call.party-joined}, {@code call.party-left}; payload
 * {@code {"type", "party", "who"}}, where {@code who} is an agent id or {@code link}). Only inserts:
 * the contact's snapshot, which routing writes, is never touched. A third party who joins sees and
 * hears the citizen, so the joining is also an audited view of the citizen's call (action
 * {@code join}, record type {@code call}; actor the agent id, the staff member's login (role
 * {@code DEPARTMENT_STAFF}), or {@code call-link} for a hearing party). Who is still in a call is read back
 * from the same events, from the time the contact was last connected on (so that the table's index on {@code
 * at} can bound the read). Thread-safe.
 */
@Singleton
final class JdbcCallPartyJournal implements CallPartyJournal {

  private final Jdbc jdbc;
  private final JsonMapper json;
  private final InstantSource clock;
  private final AuditLog audit;
  private final ContactJournal contacts;
  private final Directory directory;

  JdbcCallPartyJournal(Jdbc jdbc, JsonMapper json, InstantSource clock, AuditLog audit, ContactJournal contacts,
      Directory directory) {
    this.jdbc = jdbc;
    this.json = json;
    this.clock = clock;
    this.audit = audit;
    this.contacts = contacts;
    this.directory = directory;
  }

  @Override
  public void joined(ContactId contact, CallParty party, String who) {
    boolean link = CallPartyJournal.LINK.equals(who);
    String citizen = contacts.find(contact).map(Contact::citizen).map(c -> c.value()).orElse(null);
    String role = link ? null : directory.agent(new AgentId(who)).isPresent() ? "OPERATOR" : "DEPARTMENT_STAFF";
    audit.append(new AuditEntry(link ? "call-link" : who, role, "join", "call", contact.value(),
        citizen, "invited into the call by its operator", null, clock.instant()));
    insert("call.party-joined", contact, party, who);
  }

  @Override
  public void left(ContactId contact, CallParty party, String who) {
    insert("call.party-left", contact, party, who);
  }

  @Override
  public Optional<String> stillIn(ContactId contact, CallParty party, Instant since) {
    return jdbc.query("select type, payload from domain_event where at >= ? and contact_id = ?"
            + " and type in ('call.party-joined', 'call.party-left') order by id desc",
        row -> Map.entry(row.getString("type"), payload(row.getString("payload"))), since, contact.value())
        .stream().filter(event -> party.code().equals(event.getValue().get("party"))).findFirst()
        .filter(event -> event.getKey().equals("call.party-joined"))
        .map(event -> String.valueOf(event.getValue().get("who")));
  }

  private Map<?, ?> payload(String json) {
    try {
      return this.json.readValue(json, Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
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
