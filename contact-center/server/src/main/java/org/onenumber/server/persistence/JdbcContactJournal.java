package org.onenumber.server.persistence;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.server.events.EventPayload;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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

  private static final Logger LOG = LoggerFactory.getLogger(JdbcContactJournal.class);
  /** The reason on the step that closes a contact stored without steps ({@link #unreadable}). */
  static final String REPAIRED = "journal-repair";
  private static final String STEP_INSERT =
      "insert into contact_step (contact_id, seq, state, at, agent_id, queue_id, reason, actor) values ";
  /** A step row's columns: V436 added {@code actor}, who made the step happen ({@link ContactStep#by()}). */
  private static final int STEP_COLUMNS = 8;
  private static final String EVENT_INSERT = "insert into domain_event (type, at, contact_id, payload) values ";
  private static final String CONTACT_INSERT = "insert into contact (id, channel, citizen_id, language,"
      + " required_skills, priority, queue_id, agent_id, topic, state, created_at, updated_at, queued_at, offered_at,"
      + " connected_at, held_at, wrap_up_at, closed_at, abandoned_at, callback_requested_at, transferred_at,"
      + " overflowed_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String STEP_ROW = STEP_INSERT + rows(1, STEP_COLUMNS);
  private static final String EVENT_ROW = EVENT_INSERT + rows(1, 4);
  private static final String UPDATE = "update contact set queue_id = ?, agent_id = ?, state = ?, updated_at = ?, "
      + FIRST_AT_COLUMNS + " where id = ?";

  /** {@link #UPDATE}'s columns in its parameters' order, for a PostgreSQL update of many rows at once. */
  private static final List<String> UPDATE_COLUMNS = List.of("queue_id", "agent_id", "state", "updated_at",
      "queued_at", "offered_at", "connected_at", "held_at", "wrap_up_at", "closed_at", "abandoned_at",
      "callback_requested_at", "transferred_at", "overflowed_at", "id");
  private static final String UPDATE_FROM = "update contact c set " + String.join(", ", UPDATE_COLUMNS.stream()
      .filter(column -> !column.equals("id")).map(column -> column + " = v." + column).toList()) + " from (values ";
  private static final String UPDATE_ROW = "(cast(? as varchar(64)), cast(? as varchar(64)), cast(? as varchar(32)), "
      + String.join(", ", Collections.nCopies(11, "cast(? as timestamp with time zone)")) + ", cast(? as varchar(36)))";
  private static final String UPDATE_WHERE = ") as v (" + String.join(", ", UPDATE_COLUMNS) + ") where c.id = v.id";

  private final Jdbc jdbc;
  private final JsonMapper json;

  public JdbcContactJournal(Jdbc jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    this.json = json;
  }

  @Override
  public void append(Contact contact, List<DomainEvent> events) {
    appendAll(List.of(contact), id -> events);
  }

  /**
   * As {@link #append} for each of {@code contacts} (with {@code eventsOf} its events), in one
   * transaction and a fixed number of round trips whatever their number (issue 17: routing's commit
   * sent four statements per contact, one after the other, on its one connection): one count of the
   * stored steps, then the new rows, the updates, the steps and the events as one JDBC batch each.
   */
  public void appendAll(List<Contact> contacts, Function<ContactId, List<DomainEvent>> eventsOf) {
    appendAll(contacts, eventsOf, List.of());
  }

  /**
   * As {@link #appendAll(List, Function)}, and {@code unattached} (events of no contact snapshot:
   * agent state changes, steps of a contact that did not move) in the same batch as the contacts'
   * events, each with the contact its payload names (session 17: routing's commit sent them as a
   * statement of their own).
   */
  public void appendAll(List<Contact> contacts, Function<ContactId, List<DomainEvent>> eventsOf,
      List<DomainEvent> unattached) {
    jdbc.inTransaction(() -> {
      Map<String, Integer> stored = storedSteps(contacts);
      List<Object[]> inserts = new ArrayList<>();
      List<Object[]> updates = new ArrayList<>();
      List<Object[]> stepRows = new ArrayList<>();
      List<Object[]> eventRows = new ArrayList<>();
      for (Contact contact : contacts) {
        int steps = stored.getOrDefault(contact.id().value(), 0);
        (steps == 0 ? inserts : updates).add(steps == 0 ? contactRow(contact).toArray() : updateArgs(contact));
        stepRows.addAll(stepRows(contact, steps));
        eventRows.addAll(eventRows(contact, eventsOf.apply(contact.id())));
      }
      for (DomainEvent event : unattached) {
        Map<String, Object> payload = EventPayload.of(event);
        Object about = payload.get("contact");
        eventRows.add(new Object[] {event.type(), event.at(), about == null ? null : about.toString(), json(payload)});
      }
      jdbc.batch(CONTACT_INSERT, inserts);
      updateAll(updates);
      jdbc.batch(STEP_ROW, stepRows);
      jdbc.batch(EVENT_ROW, eventRows);
      return null;
    });
  }

  /**
   * The contacts' new states: on PostgreSQL one {@code update … from (values …)} per 500 contacts
   * (session 17: a JDBC batch of one update per contact made the server run each apart, most of a
   * peak batch's commit), elsewhere one JDBC batch.
   */
  private void updateAll(List<Object[]> updates) {
    if (!jdbc.postgres() || updates.size() < 2) {
      jdbc.batch(UPDATE, updates);
      return;
    }
    for (int from = 0; from < updates.size(); from += 500) {
      List<Object[]> chunk = updates.subList(from, Math.min(updates.size(), from + 500));
      List<Object> args = new ArrayList<>();
      chunk.forEach(row -> args.addAll(Arrays.asList(row)));
      jdbc.update(UPDATE_FROM + String.join(", ", Collections.nCopies(chunk.size(), UPDATE_ROW)) + UPDATE_WHERE,
          args.toArray());
    }
  }

  /** How many steps each contact has stored (absent: none), counted in one query per 500 contacts. */
  private Map<String, Integer> storedSteps(List<Contact> contacts) {
    Map<String, Integer> stored = new HashMap<>();
    for (int from = 0; from < contacts.size(); from += 500) {
      List<Contact> chunk = contacts.subList(from, Math.min(contacts.size(), from + 500));
      String marks = String.join(", ", Collections.nCopies(chunk.size(), "?"));
      jdbc.query("select contact_id, count(*) from contact_step where contact_id in (" + marks + ") group by contact_id",
          row -> stored.put(row.getString(1), row.getInt(2)), chunk.stream().map(c -> c.id().value()).toArray());
    }
    return stored;
  }

  /**
   * A new contact: its row, every step and the events, without counting stored steps first. On
   * PostgreSQL in one statement (the step and event inserts as data-modifying {@code with} parts of
   * the contact's insert; issue 11: two round trips fewer per contact opened), elsewhere three.
   */
  @Override
  public void create(Contact contact, List<DomainEvent> events) {
    jdbc.inTransaction(() -> {
      if (jdbc.postgres()) {
        createInOneStatement(contact, events);
        return null;
      }
      jdbc.update(CONTACT_INSERT, contactRow(contact).toArray());
      jdbc.batch(STEP_ROW, stepRows(contact, 0));
      jdbc.batch(EVENT_ROW, eventRows(contact, events));
      return null;
    });
  }

  private void createInOneStatement(Contact contact, List<DomainEvent> events) {
    List<Object[]> steps = stepRows(contact, 0);
    List<Object[]> eventRows = eventRows(contact, events);
    StringBuilder sql = new StringBuilder("with step as (").append(STEP_INSERT)
        .append(rows(steps.size(), STEP_COLUMNS)).append(")");
    if (!eventRows.isEmpty()) {
      sql.append(", event as (").append(EVENT_INSERT).append(rows(eventRows.size(), 4)).append(")");
    }
    List<Object> args = new ArrayList<>();
    steps.forEach(row -> args.addAll(Arrays.asList(row)));
    eventRows.forEach(row -> args.addAll(Arrays.asList(row)));
    args.addAll(contactRow(contact));
    jdbc.update(sql.append(' ').append(CONTACT_INSERT).toString(), args.toArray());
  }

  /** {@code n} rows of {@code width} parameters each: {@code (?, ?), (?, ?)}. */
  private static String rows(int n, int width) {
    String row = "(" + String.join(", ", Collections.nCopies(width, "?")) + ")";
    return String.join(", ", Collections.nCopies(n, row));
  }

  private static List<Object[]> stepRows(Contact contact, int stored) {
    List<ContactStep> steps = contact.steps();
    List<Object[]> stepRows = new ArrayList<>();
    for (int seq = stored; seq < steps.size(); seq++) {
      ContactStep s = steps.get(seq);
      stepRows.add(new Object[] {contact.id().value(), seq, s.state().name(), s.at(), text(s.agent()),
          text(s.queue()), s.reason(), s.by()});
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

  /** The contact row's values, in {@link #CONTACT_INSERT}'s order. */
  private static List<Object> contactRow(Contact c) {
    List<Object> args = new ArrayList<>(List.of(c.id().value(), c.channel().name(), c.citizen().value(),
        c.language().code(), Columns.skills(c.requiredSkills()), c.priority()));
    args.add(text(c.queue()));
    args.add(text(c.agent()));
    args.add(c.topic());
    args.add(c.state().name());
    args.add(c.createdAt());
    args.add(c.updatedAt());
    args.addAll(firstAts(c));
    return args;
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

  @Override
  public Optional<Contact> find(ContactId id) {
    return withSteps("c.id = ?", "s.seq", id.value()).stream().findFirst();
  }

  /**
   * The contacts of {@code ids} that the journal holds, in one statement (routing reads the
   * arrivals queued behind one another together, issue 17); none for no ids.
   */
  public List<Contact> findAll(List<ContactId> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    return withSteps("c.id in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")", "c.id, s.seq",
        ids.stream().map(ContactId::value).toArray());
  }

  @Override
  public List<Contact> open() {
    return withSteps("c.state not in ('CLOSED', 'ABANDONED')", "c.created_at, c.id, s.seq");
  }

  @Override
  public List<Contact> byCitizen(CitizenId citizen, int limit) {
    return withSteps("c.id in (select id from contact where citizen_id = ? order by created_at desc, id desc limit ?)",
        "c.created_at desc, c.id desc, s.seq", citizen.value(), limit);
  }

  @Override
  public Optional<Contact> openOf(CitizenId citizen, Channel channel) {
    return withSteps("c.id = (select id from contact where citizen_id = ? and channel = ?"
        + " and state not in ('CLOSED', 'ABANDONED') order by created_at desc, id desc limit 1)", "s.seq",
        citizen.value(), channel.name()).stream().findFirst();
  }

  /**
   * Contacts matching {@code where} (on {@code contact c}) with their steps, in one statement: a
   * row per step ({@code step_*} columns), the rows of one contact next to each other ({@code order}
   * ends with {@code s.seq}). One round trip instead of one per contact (issue 11).
   */
  private List<Contact> withSteps(String where, String order, Object... args) {
    record Row(String contact, Function<List<ContactStep>, Contact> head, ContactStep step) {}
    List<Row> rows = jdbc.query("select c.*, s.state as step_state, s.at as step_at, s.agent_id as step_agent_id,"
        + " s.queue_id as step_queue_id, s.reason as step_reason, s.actor as step_actor from contact c"
        + " left join contact_step s on s.contact_id = c.id where " + where + " order by " + order,
        row -> new Row(row.getString("id"), ContactRows.head(row),
            row.getString("step_state") == null ? null : ContactRows.step(row, "step_")), args);
    List<Contact> contacts = new ArrayList<>();
    for (int first = 0; first < rows.size(); ) {
      int next = first;
      List<ContactStep> steps = new ArrayList<>();
      while (next < rows.size() && rows.get(next).contact().equals(rows.get(first).contact())) {
        if (rows.get(next).step() != null) {
          steps.add(rows.get(next).step());
        }
        next++;
      }
      if (!steps.isEmpty() && steps.get(0).state() == ContactState.CREATED) {
        contacts.add(rows.get(first).head().apply(steps));
      } else {
        unreadable(rows.get(first).contact(), steps.isEmpty());
      }
      first = next;
    }
    return contacts;
  }

  /**
   * A contact row whose steps do not begin with CREATED cannot be read: left out of every answer,
   * logged as an error. One with no step at all (a torn commit after a crash on H2, session 17,
   * README "Crash safety") is closed as abandoned at its creation, with steps that say so (reason
   * {@value #REPAIRED}), so the line does not hold a contact nobody can read or serve and the
   * journal agrees with routing; only while it still has no step (another reader may have closed it).
   */
  private void unreadable(String id, boolean stepless) {
    LOG.error("contact {} in the journal has {}: left out{}", id, stepless ? "no step" : "no CREATED first step",
        stepless ? ", closed as abandoned (" + REPAIRED + ")" : "");
    if (!stepless) {
      return;
    }
    jdbc.inTransaction(() -> {
      List<Instant> created = jdbc.query("select created_at from contact where id = ? and not exists"
          + " (select 1 from contact_step where contact_id = ?)", row -> Jdbc.instant(row, "created_at"), id, id);
      if (!created.isEmpty()) {
        Instant at = created.get(0);
        jdbc.batch(STEP_ROW, List.of(new Object[] {id, 0, ContactState.CREATED.name(), at, null, null, null, null},
            new Object[] {id, 1, ContactState.ABANDONED.name(), at, null, null, REPAIRED, ContactStep.BY_ROUTING}));
        jdbc.update("update contact set state = ?, abandoned_at = ?, updated_at = ? where id = ?",
            ContactState.ABANDONED.name(), at, at, id);
      }
      return null;
    });
  }

  private String payload(DomainEvent event) {
    return json(EventPayload.of(event));
  }

  private String json(Map<String, Object> payload) {
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
