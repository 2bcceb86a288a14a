package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.directory.Language;
import org.onenumber.core.directory.QueueId;

/**
 * A contact moved from one lifecycle state to another. Carries the channel, language, queue and
 * agent so that service-level folds need no lookups.
 */
public record ContactStateChanged(
    ContactId contact,
    Channel channel,
    Language language,
    ContactState from,
    ContactState to,
    QueueId queue,
    AgentId agent,
    String reason,
    Instant at)
    implements DomainEvent {

  @Override
  public String type() {
    return "contact.state-changed";
  }
}
