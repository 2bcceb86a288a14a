package org.onenumber.server.ops;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.SurveyAnswered;
import org.onenumber.server.persistence.JdbcServiceLevelFacts.Created;

/** A day's journal held in lists, as {@link DayFigures} reads the stored one: by creation span. */
record ListJournal(List<Contact> contacts, List<AgentStateChanged> changes, List<SurveyAnswered> answers,
    Set<ContactId> cases) implements DayFigures.Journal {

  ListJournal(List<Contact> contacts) {
    this(contacts, List.of(), List.of(), Set.of());
  }

  @Override
  public void created(Instant from, Instant to, Consumer<Created> each) {
    contacts(from, to, c -> each.accept(new Created(c.id(), c.citizen(), c.topic(), c.createdAt())));
  }

  @Override
  public void contacts(Instant from, Instant to, Consumer<Contact> each) {
    contacts.stream().filter(c -> !c.createdAt().isBefore(from) && c.createdAt().isBefore(to)).forEach(each);
  }

  @Override
  public void agentChanges(Instant from, Instant to, Consumer<AgentStateChanged> each) {
    changes.stream().filter(e -> !e.at().isBefore(from) && e.at().isBefore(to)).forEach(each);
  }

  @Override
  public List<SurveyAnswered> surveys(Instant from, Instant to) {
    return answers.stream().filter(s -> !s.at().isBefore(from) && s.at().isBefore(to)).toList();
  }

  @Override
  public Set<ContactId> escalated(Instant from, Instant asOf) {
    return cases;
  }
}
