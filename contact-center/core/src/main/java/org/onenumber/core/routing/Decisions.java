package org.onenumber.core.routing;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
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

  /** The contact a routing event is about, or null (agent events). */
  public static ContactId contactOf(DomainEvent event) {
    return Outbox.contactOf(event);
  }

  public boolean isRefused() {
    return refused != null;
  }

  /** The events about {@code contact}, to journal with its snapshot. */
  public List<DomainEvent> eventsFor(ContactId contact) {
    return events.stream().filter(e -> contact.equals(Outbox.contactOf(e))).toList();
  }

  /**
   * Events to journal on their own: about no contact (agent state changes), or about a contact whose
   * snapshot did not change in this command (position announcements, steps, callback schedules).
   */
  public List<DomainEvent> unattached() {
    Set<ContactId> changed = contacts.stream().map(Contact::id).collect(Collectors.toSet());
    return events.stream().filter(e -> {
      ContactId about = Outbox.contactOf(e);
      return about == null || !changed.contains(about);
    }).toList();
  }

  /** Events not about one contact (agent state changes). */
  public List<DomainEvent> agentEvents() {
    return events.stream().filter(e -> Outbox.contactOf(e) == null).toList();
  }
}
