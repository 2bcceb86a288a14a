package org.onenumber.core.port.out;

import java.util.List;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.DomainEvent;

/**
 * The durable record of every contact and every step it took. {@link #append} returns only once
 * the contact and its events are durable (inside the caller's transaction, if any), so a channel
 * is acknowledged only after the contact cannot be lost.
 */
public interface ContactJournal {

  /** Stores the contact's current snapshot, any steps not yet stored, and {@code events}. */
  void append(Contact contact, List<DomainEvent> events);

  /**
   * Stores a contact not stored before, all its steps and {@code events}, as {@link #append} does;
   * a journal may skip looking for what is already stored. A contact already stored under its id
   * is refused (nothing of this call is stored).
   */
  default void create(Contact contact, List<DomainEvent> events) {
    append(contact, events);
  }

  Optional<Contact> find(ContactId id);

  /** Every contact not yet closed or abandoned, oldest first: what routing rebuilds from. */
  List<Contact> open();

  /** A citizen's contacts across every channel, newest first. */
  List<Contact> byCitizen(CitizenId citizen, int limit);

  /**
   * The citizen's newest contact on {@code channel} that is not closed or abandoned (where an
   * inbound message is threaded). A journal may answer it with one query; this default looks
   * among their 20 newest contacts.
   */
  default Optional<Contact> openOf(CitizenId citizen, org.onenumber.core.contact.Channel channel) {
    return byCitizen(citizen, 20).stream().filter(c -> c.channel() == channel && !c.state().isTerminal()).findFirst();
  }
}
