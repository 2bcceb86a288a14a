package org.onenumber.server.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
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
    String queue = row.getString("queue_id");
    String agent = row.getString("agent_id");
    return new Contact(new ContactId(row.getString("id")), Channel.valueOf(row.getString("channel")),
        new CitizenId(row.getString("citizen_id")), new Language(row.getString("language")),
        Columns.skills(row.getString("required_skills")), row.getInt("priority"),
        queue == null ? null : new QueueId(queue), agent == null ? null : new AgentId(agent), row.getString("topic"),
        steps);
  }

  static ContactStep step(ResultSet row) throws SQLException {
    String agent = row.getString("agent_id");
    String queue = row.getString("queue_id");
    return new ContactStep(ContactState.valueOf(row.getString("state")), Jdbc.instant(row, "at"),
        agent == null ? null : new AgentId(agent), queue == null ? null : new QueueId(queue), row.getString("reason"));
  }
}
