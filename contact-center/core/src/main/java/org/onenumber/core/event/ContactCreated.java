package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;

/** A citizen reached the city: a new contact exists. */
public record ContactCreated(
    ContactId contact, Channel channel, CitizenId citizen, Language language, int priority, Instant at)
    implements DomainEvent {

  @Override
  public String type() {
    return "contact.created";
  }
}
