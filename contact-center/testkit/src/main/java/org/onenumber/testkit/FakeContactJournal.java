package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.citizen.CitizenId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.ContactJournal;

/** An in-memory journal. Thread-safe. Keeps the journaled events for assertions. */
public final class FakeContactJournal implements ContactJournal {

  private final Map<ContactId, Contact> contacts = new LinkedHashMap<>();
  private final List<DomainEvent> events = new ArrayList<>();

  @Override
  public synchronized void append(Contact contact, List<DomainEvent> newEvents) {
    contacts.put(contact.id(), contact);
    events.addAll(newEvents);
  }

  @Override
  public synchronized void create(Contact contact, List<DomainEvent> newEvents) {
    if (contacts.containsKey(contact.id())) {
      throw new IllegalStateException("contact " + contact.id().value() + " is already stored");
    }
    append(contact, newEvents);
  }

  @Override
  public synchronized Optional<Contact> find(ContactId id) {
    return Optional.ofNullable(contacts.get(id));
  }

  @Override
  public synchronized List<Contact> open() {
    return contacts.values().stream().filter(c -> !c.state().isTerminal())
        .sorted(Comparator.comparing(Contact::createdAt).thenComparing(c -> c.id().value())).toList();
  }

  @Override
  public synchronized List<Contact> byCitizen(CitizenId citizen, int limit) {
    return contacts.values().stream().filter(c -> c.citizen().equals(citizen))
        .sorted(Comparator.comparing(Contact::createdAt).reversed()).limit(limit).toList();
  }

  public synchronized List<DomainEvent> events() {
    return List.copyOf(events);
  }

  public synchronized int size() {
    return contacts.size();
  }
}
