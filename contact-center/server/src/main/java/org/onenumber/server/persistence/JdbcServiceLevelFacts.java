package org.onenumber.server.persistence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.SurveyAnswered;

/**
 * Reads the stored facts service levels are recomputed from: contacts with every step created in
 * a span (two queries, not one per contact), agent state changes from the event journal, survey
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

  /** Contacts created in [from, to), oldest first, each with all its steps. */
  public List<Contact> contactsCreated(Instant from, Instant to) {
    Map<String, List<ContactStep>> steps = new HashMap<>();
    jdbc.query("select s.* from contact_step s join contact c on c.id = s.contact_id"
        + " where c.created_at >= ? and c.created_at < ? order by s.contact_id, s.seq", row -> {
          steps.computeIfAbsent(row.getString("contact_id"), k -> new ArrayList<>()).add(ContactRows.step(row));
          return null;
        }, from, to);
    return jdbc.query("select * from contact where created_at >= ? and created_at < ? order by created_at, id",
        row -> {
          List<ContactStep> own = steps.get(row.getString("id"));
          return own == null ? null : ContactRows.contact(row, own);
        }, from, to).stream()
        .filter(c -> c != null).toList();
  }

  /** Agent state changes journaled in [from, to), in order. */
  public List<AgentStateChanged> agentChanges(Instant from, Instant to) {
    return jdbc.query("select payload from domain_event where type = 'agent.state-changed' and at >= ? and at < ?"
        + " order by at, id", row -> agentChange(row.getString("payload")), from, to).stream()
        .filter(e -> e != null).toList();
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
