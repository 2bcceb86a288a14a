package org.onenumber.core.routing;

import java.util.List;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.DomainEvent;

/**
 * What the engine decided for one command: the events in order and the new snapshot of every
 * contact that changed (to journal), or why the command was refused (an expected outcome, such as
 * logging out with open contacts).
 */
public record Decisions(List<DomainEvent> events, List<Contact> contacts, String refused) {

  public Decisions {
    events = List.copyOf(events);
    contacts = List.copyOf(contacts);
  }

  static Decisions refusal(String reason) {
    return new Decisions(List.of(), List.of(), reason);
  }

  public boolean isRefused() {
    return refused != null;
  }

  /** The events about {@code contact}, to journal with its snapshot. */
  public List<DomainEvent> eventsFor(ContactId contact) {
    return events.stream().filter(e -> contact.equals(Outbox.contactOf(e))).toList();
  }

  /** Events not about one contact (agent state changes). */
  public List<DomainEvent> agentEvents() {
    return events.stream().filter(e -> Outbox.contactOf(e) == null).toList();
  }
}
