package org.onenumber.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/** Reads rows of {@code contact} and {@code contact_step} into domain values; one mapping for every reader. */
final class ContactRows {

  private ContactRows() {}

  /** A {@code contact} row with its steps, oldest first (at least the CREATED step). */
  static Contact contact(ResultSet row, List<ContactStep> steps) throws SQLException {
    return head(row).apply(steps);
  }

  /** A {@code contact} row read now, made a contact once its steps are known. */
  static Function<List<ContactStep>, Contact> head(ResultSet row) throws SQLException {
    ContactId id = new ContactId(row.getString("id"));
    Channel channel = Channel.valueOf(row.getString("channel"));
    CitizenId citizen = new CitizenId(row.getString("citizen_id"));
    Language language = new Language(row.getString("language"));
    var skills = Columns.skills(row.getString("required_skills"));
    int priority = row.getInt("priority");
    String queue = row.getString("queue_id");
    String agent = row.getString("agent_id");
    String topic = row.getString("topic");
    return steps -> new Contact(id, channel, citizen, language, skills, priority,
        queue == null ? null : new QueueId(queue), agent == null ? null : new AgentId(agent), topic, steps);
  }

  static ContactStep step(ResultSet row) throws SQLException {
    return step(row, "");
  }

  /** A step from columns named {@code prefix} + the {@code contact_step} column's name. */
  static ContactStep step(ResultSet row, String prefix) throws SQLException {
    String agent = row.getString(prefix + "agent_id");
    String queue = row.getString(prefix + "queue_id");
    return new ContactStep(ContactState.valueOf(row.getString(prefix + "state")), Jdbc.instant(row, prefix + "at"),
        agent == null ? null : new AgentId(agent), queue == null ? null : new QueueId(queue),
        row.getString(prefix + "reason"), row.getString(prefix + "actor"));
  }
}
