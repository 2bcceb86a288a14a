package org.onenumber.server.persistence;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.events.EventPayload;

/**
 * The contact journal on tables {@code contact}, {@code contact_step} and {@code domain_event}.
 * {@link #append} writes the snapshot, the steps not yet stored and the events in one
 * transaction (joining the caller's, if any). Thread-safe.
 */
@Singleton
public final class JdbcContactJournal implements ContactJournal {

  private static final String FIRST_AT_COLUMNS = "queued_at = ?, offered_at = ?, connected_at = ?, held_at = ?,"
      + " wrap_up_at = ?, closed_at = ?, abandoned_at = ?, callback_requested_at = ?, transferred_at = ?,"
      + " overflowed_at = ?";
  private static final ContactState[] FIRST_AT_STATES = {
      ContactState.QUEUED, ContactState.OFFERED, ContactState.CONNECTED, ContactState.HELD, ContactState.WRAP_UP,
      ContactState.CLOSED, ContactState.ABANDONED, ContactState.CALLBACK_REQUESTED, ContactState.TRANSFERRED,
      ContactState.OVERFLOWED};

  private static final String INSERT = "insert into contact (id, channel, citizen_id, language, required_skills,"
      + " priority, queue_id, agent_id, topic, state, created_at, updated_at, queued_at, offered_at, connected_at,"
      + " held_at, wrap_up_at, closed_at, abandoned_at, callback_requested_at, transferred_at, overflowed_at)"
      + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String UPDATE = "update contact set queue_id = ?, agent_id = ?, state = ?, updated_at = ?, "
      + FIRST_AT_COLUMNS + " where id = ?";
  private static final String INSERT_STEP = "insert into contact_step (contact_id, seq, state, at, agent_id, queue_id,"
      + " reason) values (?, ?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EVENT = "insert into domain_event (type, at, contact_id, payload) values (?, ?, ?, ?)";

  private final Jdbc jdbc;
  private final JsonMapper json;

  public JdbcContactJournal(Jdbc jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void append(Contact contact, List<DomainEvent> events) {
    jdbc.inTransaction(() -> {
      int stored = storedSteps(contact.id());
      if (stored == 0) {
        insert(contact);
      } else {
        update(contact);
      }
      appendSteps(contact, stored, events);
      return null;
    });
  }

  /**
   * As {@link #append} for each of {@code contacts} (with {@code eventsOf} its events), in one
   * transaction and a fixed number of round trips whatever their number (issue 17: routing's commit
   * sent four statements per contact, one after the other, on its one connection): one count of the
   * stored steps, then the new rows, the updates, the steps and the events as one JDBC batch each.
   */
  public void appendAll(List<Contact> contacts, Function<ContactId, List<DomainEvent>> eventsOf) {
    if (contacts.size() <= 1) {
      contacts.forEach(c -> append(c, eventsOf.apply(c.id())));
      return;
    }
    jdbc.inTransaction(() -> {
      Map<String, Integer> stored = storedSteps(contacts);
      List<Object[]> inserts = new ArrayList<>();
      List<Object[]> updates = new ArrayList<>();
      List<Object[]> stepRows = new ArrayList<>();
      List<Object[]> eventRows = new ArrayList<>();
      for (Contact contact : contacts) {
        int steps = stored.getOrDefault(contact.id().value(), 0);
        (steps == 0 ? inserts : updates).add(steps == 0 ? insertArgs(contact) : updateArgs(contact));
        stepRows.addAll(stepRows(contact, steps));
        eventRows.addAll(eventRows(contact, eventsOf.apply(contact.id())));
      }
      jdbc.batch(INSERT, inserts);
      jdbc.batch(UPDATE, updates);
      jdbc.batch(INSERT_STEP, stepRows);
      jdbc.batch(INSERT_EVENT, eventRows);
      return null;
    });
  }

  /** How many steps each contact has stored (absent: none), counted in one query per 500 contacts. */
  private Map<String, Integer> storedSteps(List<Contact> contacts) {
    Map<String, Integer> stored = new HashMap<>();
    for (int from = 0; from < contacts.size(); from += 500) {
      List<Contact> chunk = contacts.subList(from, Math.min(contacts.size(), from + 500));
      String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
      jdbc.query("select contact_id, count(*) from contact_step where contact_id in (" + marks + ") group by contact_id",
          row -> stored.put(row.getString(1), row.getInt(2)), chunk.stream().map(c -> c.id().value()).toArray());
    }
    return stored;
  }

  /** A new contact: its row, every step and the events, without counting stored steps first. */
  @Override
  public void create(Contact contact, List<DomainEvent> events) {
    jdbc.inTransaction(() -> {
      insert(contact);
      appendSteps(contact, 0, events);
      return null;
    });
  }

  private void appendSteps(Contact contact, int stored, List<DomainEvent> events) {
    jdbc.batch(INSERT_STEP, stepRows(contact, stored));
    jdbc.batch(INSERT_EVENT, eventRows(contact, events));
  }

  private static List<Object[]> stepRows(Contact contact, int stored) {
    List<ContactStep> steps = contact.steps();
    List<Object[]> stepRows = new ArrayList<>();
    for (int seq = stored; seq < steps.size(); seq++) {
      ContactStep s = steps.get(seq);
      stepRows.add(new Object[] {contact.id().value(), seq, s.state().name(), s.at(), text(s.agent()),
          text(s.queue()), s.reason()});
    }
    return stepRows;
  }

  private List<Object[]> eventRows(Contact contact, List<DomainEvent> events) {
    List<Object[]> eventRows = new ArrayList<>();
    for (DomainEvent event : events) {
      eventRows.add(new Object[] {event.type(), event.at(), contact.id().value(), payload(event)});
    }
    return eventRows;
  }

  private void insert(Contact c) {
    jdbc.update(INSERT, insertArgs(c));
  }

  private static Object[] insertArgs(Contact c) {
    List<Object> args = new ArrayList<>(List.of(c.id().value(), c.channel().name(), c.citizen().value(),
        c.language().code(), Columns.skills(c.requiredSkills()), c.priority()));
    args.add(text(c.queue()));
    args.add(text(c.agent()));
    args.add(c.topic());
    args.add(c.state().name());
    args.add(c.createdAt());
    args.add(c.updatedAt());
    args.addAll(firstAts(c));
    return args.toArray();
  }

  private void update(Contact c) {
    jdbc.update(UPDATE, updateArgs(c));
  }

  private static Object[] updateArgs(Contact c) {
    List<Object> args = new ArrayList<>();
    args.add(text(c.queue()));
    args.add(text(c.agent()));
    args.add(c.state().name());
    args.add(c.updatedAt());
    args.addAll(firstAts(c));
    args.add(c.id().value());
    return args.toArray();
  }

  private static List<Object> firstAts(Contact c) {
    List<Object> values = new ArrayList<>();
    for (ContactState state : FIRST_AT_STATES) {
      values.add(c.firstAt(state).orElse(null));
    }
    return values;
  }

  private int storedSteps(ContactId id) {
    return jdbc.queryOne("select count(*) from contact_step where contact_id = ?", row -> row.getInt(1), id.value())
        .orElse(0);
  }

  @Override
  public Optional<Contact> find(ContactId id) {
    return jdbc.queryOne("select * from contact where id = ?", this::contact, id.value());
  }

  @Override
  public List<Contact> open() {
    return jdbc.query("select * from contact where state not in ('CLOSED', 'ABANDONED') order by created_at, id",
        this::contact);
  }

  @Override
  public List<Contact> byCitizen(CitizenId citizen, int limit) {
    return jdbc.query("select * from contact where citizen_id = ? order by created_at desc, id desc limit ?",
        this::contact, citizen.value(), limit);
  }

  private Contact contact(ResultSet row) throws SQLException {
    List<ContactStep> steps = jdbc.query("select * from contact_step where contact_id = ? order by seq",
        ContactRows::step, row.getString("id"));
    return ContactRows.contact(row, steps);
  }

  private String payload(DomainEvent event) {
    Map<String, Object> payload = EventPayload.of(event);
    try {
      return new String(json.writeValueAsBytes(payload), java.nio.charset.StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String text(Object id) {
    return id == null ? null : id.toString();
  }
}
