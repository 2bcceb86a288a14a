package org.onenumber.core.routing;

import org.onenumber.core.contact.Contact;

/** Read-only views of the engine's mutable records, for the host. */
final class Views {

  private Views() {}

  static AgentStatus agent(Seat seat) {
    Contact offer = seat.offer == null ? null : seat.offer.contact;
    return new AgentStatus(seat.agent.id(), seat.state(), seat.breakReason, seat.queues, seat.exclusive,
        seat.messaging, seat.agent.capacity().maxMessaging(), seat.idleSince, seat.contactsToday, offer,
        seat.offer == null ? null : seat.offer.expiresAt, seat.held.stream().map(e -> e.contact).toList());
  }
}
