package org.onenumber.core.routing;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;

/** Read-only views of the engine's mutable records, for the host. */
final class Views {

  private Views() {}

  static AgentStatus agent(Seat seat) {
    Contact offer = seat.offer == null ? null : seat.offer.contact;
    return new AgentStatus(seat.agent.id(), seat.state(), seat.breakReason, seat.queues, seat.exclusive,
        seat.messaging, seat.agent.capacity().maxMessaging(), seat.idleSince, seat.contactsToday, offer,
        seat.offer == null ? null : seat.offer.expiresAt, seat.held.stream().map(e -> e.contact).toList(),
        seat.notResponding, wrapUpEnds(seat));
  }

  private static Map<ContactId, Instant> wrapUpEnds(Seat seat) {
    Map<ContactId, Instant> ends = new HashMap<>();
    for (Entry entry : seat.held) {
      if (entry.place == Place.WRAP_UP && entry.wrapUpEndsAt != null) {
        ends.put(entry.contact.id(), entry.wrapUpEndsAt);
      }
    }
    return Map.copyOf(ends);
  }
}
