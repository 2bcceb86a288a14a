package org.onenumber.server.routing;

import jakarta.inject.Singleton;
import java.time.InstantSource;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;

/**
 * Tells an operator's console that another operator invites them into a browser call (the
 * three-way relay): a {@code call.invite} frame on {@code /ws/agents/{id}} with the contact and
 * who invites; the console offers "Join the call", which joins on {@code /ws/call}. Only consoles
 * that are open hear it. Thread-safe.
 */
@Singleton
public final class CallInvites {

  private final AgentSockets sockets;
  private final InstantSource clock;

  CallInvites(AgentSockets sockets, InstantSource clock) {
    this.sockets = sockets;
    this.clock = clock;
  }

  /** Whether {@code agent} has a console open that would hear an invitation. */
  public boolean isOpen(AgentId agent) {
    return sockets.isOpen(agent.value());
  }

  /** Sends the invitation; false when {@code guest} has no console open. */
  public boolean invite(AgentId guest, ContactId contact, AgentId host, String hostName, String mode) {
    if (!sockets.isOpen(guest.value())) {
      return false;
    }
    sockets.send(guest.value(), AgentSockets.frame("call.invite", clock.instant().toString(),
        "contactId", contact.value(), "from", host.value(), "fromName", hostName, "mode", mode));
    return true;
  }
}
