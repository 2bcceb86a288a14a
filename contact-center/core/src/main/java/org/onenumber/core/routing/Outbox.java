package org.onenumber.core.routing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.event.AgentStateChanged;
import org.onenumber.core.event.CallbackPlaced;
import org.onenumber.core.event.CallbackScheduled;
import org.onenumber.core.event.ConferenceRequested;
import org.onenumber.core.event.ContactCreated;
import org.onenumber.core.event.ContactStateChanged;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.event.OfferTimedOut;
import org.onenumber.core.event.QueuePositionChanged;
import org.onenumber.core.event.RoutingStepApplied;

/**
 * Collects what one command decided: moves contacts along their lifecycle (keeping the new
 * snapshot), and turns agent presence changes into events. Reused across commands; not thread-safe.
 */
final class Outbox {

  private final List<DomainEvent> events = new ArrayList<>();
  private final Map<ContactId, Contact> contacts = new LinkedHashMap<>();

  void move(Entry entry, ContactState to, Instant at, AgentId agent, QueueId queue, String reason) {
    move(entry, to, at, agent, queue, reason, null);
  }

  /** As above, with who made the step happen ({@link ContactStep#by()}). */
  void move(Entry entry, ContactState to, Instant at, AgentId agent, QueueId queue, String reason, String by) {
    Contact before = entry.contact;
    Contact after = before.moveTo(new ContactStep(to, at, agent, queue, reason, by));
    entry.contact = after;
    contacts.put(after.id(), after);
    events.add(new ContactStateChanged(after.id(), after.channel(), after.language(), before.state(), to,
        after.queue(), after.agent(), reason, at));
  }

  /** Emits an agent state change if the seat's derived state differs from the last one published. */
  void agent(Seat seat, Instant at, String reason) {
    AgentState now = seat.state();
    publish(seat, now, at, reason);
  }

  void publish(Seat seat, AgentState now, Instant at, String reason) {
    if (now != seat.published) {
      events.add(new AgentStateChanged(seat.agent.id(), seat.published, now,
          now == AgentState.BREAK ? seat.breakReason : reason, at));
      seat.published = now;
    }
  }

  void add(DomainEvent event) {
    events.add(event);
  }

  Decisions drain() {
    Decisions out = new Decisions(events, List.copyOf(contacts.values()), null);
    events.clear();
    contacts.clear();
    return out;
  }

  /** The contact an event is about, or null for agent events. */
  static ContactId contactOf(DomainEvent event) {
    return switch (event) {
      case ContactStateChanged e -> e.contact();
      case ContactCreated e -> e.contact();
      case QueuePositionChanged e -> e.contact();
      case OfferTimedOut e -> e.contact();
      case CallbackScheduled e -> e.contact();
      case CallbackPlaced e -> e.contact();
      case RoutingStepApplied e -> e.contact();
      case ConferenceRequested e -> e.contact();
      default -> null;
    };
  }
}
