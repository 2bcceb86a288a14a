package org.onenumber.server.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.SurveyAnswered;

/**
 * Reads the stored facts service levels are recomputed from: contacts with every step created in
 * a span (one streamed query, not one per contact), agent state changes from the event journal, survey
 * answers, and the contacts escalated into a case. Stores survey answers. Thread-safe (stateless
 * over {@link Jdbc}); database failures surface as the core's retriable exception.
 */
@Singleton
public final class JdbcServiceLevelFacts {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final Jdbc jdbc;

  public JdbcServiceLevelFacts(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Rows a streamed read fetches at a time: a city's day is read in a few hundred round trips. */
  static final int FETCH = 5_000;

  /** Who opened a contact about what, and when: a contact's row without its steps. */
  public record Created(ContactId id, CitizenId citizen, String topic, Instant at) {}

  /** Contacts created in [from, to), oldest first, each with all its steps. */
  public List<Contact> contactsCreated(Instant from, Instant to) {
    List<Contact> contacts = new ArrayList<>();
    forEachContactCreated(from, to, contacts::add);
    contacts.sort(Comparator.comparing(Contact::createdAt).thenComparing(c -> c.id().value()));
    return contacts;
  }

  /**
   * Each contact created in [from, to) with all its steps, in no stated order, one at a time and
   * none kept: one streamed query however many there are (a city's day is 277,000 contacts and
   * 1.8 million steps).
   */
  public void forEachContactCreated(Instant from, Instant to, Consumer<Contact> each) {
    Gathered gathered = new Gathered();
    jdbc.stream("select c.*, s.state as step_state, s.at as step_at, s.agent_id as step_agent_id,"
        + " s.queue_id as step_queue_id, s.reason as step_reason, s.actor as step_actor"
        + " from contact c join contact_step s on s.contact_id = c.id"
        + " where c.created_at >= ? and c.created_at < ? order by c.id, s.seq", FETCH, row -> {
          String id = row.getString("id");
          if (!id.equals(gathered.id)) {
            gathered.handTo(each);
            gathered.id = id;
            gathered.head = ContactRows.head(row);
          }
          gathered.steps.add(ContactRows.step(row, "step_"));
        }, from, to);
    gathered.handTo(each);
  }

  /** The contact whose rows are being read: its id, its row read, its steps so far. */
  private static final class Gathered {
    String id;
    Function<List<ContactStep>, Contact> head;
    final List<ContactStep> steps = new ArrayList<>();

    void handTo(Consumer<Contact> each) {
      if (id != null) {
        each.accept(head.apply(List.copyOf(steps)));
        steps.clear();
      }
    }
  }

  /** Each contact created in [from, to) without its steps, in no stated order, none kept. */
  public void forEachCreated(Instant from, Instant to, Consumer<Created> each) {
    jdbc.stream("select id, citizen_id, topic, created_at from contact where created_at >= ? and created_at < ?",
        FETCH, row -> each.accept(new Created(new ContactId(row.getString("id")),
            new CitizenId(row.getString("citizen_id")), row.getString("topic"), Jdbc.instant(row, "created_at"))),
        from, to);
  }

  /** Agent state changes journaled in [from, to), in order. */
  public List<AgentStateChanged> agentChanges(Instant from, Instant to) {
    List<AgentStateChanged> changes = new ArrayList<>();
    forEachAgentChange(from, to, changes::add);
    return changes;
  }

  /** Each agent state change journaled in [from, to), in order, none kept. */
  public void forEachAgentChange(Instant from, Instant to, Consumer<AgentStateChanged> each) {
    jdbc.stream("select payload from domain_event where type = 'agent.state-changed' and at >= ? and at < ?"
        + " order by at, id", FETCH, row -> {
          AgentStateChanged change = agentChange(row.getString("payload"));
          if (change != null) {
            each.accept(change);
          }
        }, from, to);
  }

  public List<SurveyAnswered> surveys(Instant from, Instant to) {
    return jdbc.query("select * from survey_answer where at >= ? and at < ? order by at",
        row -> new SurveyAnswered(new ContactId(row.getString("contact_id")), row.getBoolean("resolved"),
            row.getInt("score"), Jdbc.instant(row, "at")), from, to);
  }

  /** Contacts linked to a case opened before {@code asOf}. */
  public Set<ContactId> escalated(Instant from, Instant asOf) {
    return new HashSet<>(jdbc.query("select cc.contact_id from case_contact cc join case_file f on f.id = cc.case_id"
        + " where f.opened_at >= ? and f.opened_at <= ?", row -> new ContactId(row.getString(1)), from, asOf));
  }

  /** Stores one survey answer; false when the contact already has one. */
  public boolean saveSurvey(SurveyAnswered answer) {
    if (jdbc.queryOne("select 1 from survey_answer where contact_id = ?", row -> 1, answer.contact().value()).isPresent()) {
      return false;
    }
    jdbc.update("insert into survey_answer (contact_id, resolved, score, at) values (?, ?, ?, ?)",
        answer.contact().value(), answer.resolved(), answer.score(), answer.at());
    return true;
  }

  private static AgentStateChanged agentChange(String payload) {
    try {
      JsonNode p = JSON.readTree(payload);
      return new AgentStateChanged(new AgentId(p.path("agent").asText()), AgentState.valueOf(p.path("from").asText()),
          AgentState.valueOf(p.path("to").asText()), p.path("reason").asText(null), Instant.parse(p.path("at").asText()));
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

}
