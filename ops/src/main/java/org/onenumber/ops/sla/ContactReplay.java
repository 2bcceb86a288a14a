package org.onenumber.ops.sla;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.ContactCategorized;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.SurveyAnswered;

/**
 * Turns stored facts back into the event stream that produced them, in time order, so a freshly
 * started server can warm its live fold from the database. Per contact: ContactCreated, then
 * ContactCategorized when it has a topic, then one ContactStateChanged per later step. Agent
 * changes and surveys are merged in by instant; ties keep contacts' own order. Stateless.
 */
public final class ContactReplay {

  private ContactReplay() {}

  public static List<DomainEvent> events(Collection<Contact> contacts, List<AgentStateChanged> agents,
      List<SurveyAnswered> surveys) {
    List<DomainEvent> events = new ArrayList<>();
    for (Contact c : contacts) {
      events.add(new ContactCreated(c.id(), c.channel(), c.citizen(), c.language(), c.priority(), c.createdAt()));
      if (c.topic() != null && !c.topic().isBlank()) {
        events.add(new ContactCategorized(c.id(), c.topic(), c.createdAt()));
      }
      List<ContactStep> steps = c.steps();
      for (int i = 1; i < steps.size(); i++) {
        ContactStep s = steps.get(i);
        events.add(new ContactStateChanged(c.id(), c.channel(), c.language(), steps.get(i - 1).state(), s.state(),
            s.queue(), s.agent(), s.reason(), s.at()));
      }
    }
    events.addAll(agents);
    events.addAll(surveys);
    events.sort(Comparator.comparing(DomainEvent::at));
    return events;
  }
}
