package org.onenumber.server.call;

import org.onenumber.channels.call.CallRouting;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.routing.CallInvites;

/**
 * The call signalling's requests as the routing engine's existing commands: a citizen who hangs up
 * is {@code Abandon} (abandoned while waiting; closed with outcome {@code citizen-left} when
 * connected, as for a chat), an operator who hangs up is {@code WrapUp} (outcome resolved, which the
 * operator may change in the console's outcome form), an operator who lost the call is
 * {@code Transfer} back to its queue keeping its age (next in line); an invitation into the call goes
 * to the invited operator's console ({@link CallInvites}), if that operator exists and has it open. A contact routing no longer holds has
 * already ended: nothing to do. Blocks on routing: call it from the blocking executor.
 */
final class EngineCallRouting implements CallRouting {

  private final RouteContact routing;
  private final Directory directory;
  private final CallInvites invites;
  private final ContactJournal journal;

  EngineCallRouting(RouteContact routing, Directory directory, CallInvites invites, ContactJournal journal) {
    this.routing = routing;
    this.directory = directory;
    this.invites = invites;
    this.journal = journal;
  }

  @Override
  public boolean invite(AgentId guest, ContactId contact, AgentId host) {
    if (directory.agent(guest).isEmpty()) {
      return false;
    }
    String mode = journal.find(contact).map(c -> c.channel() == Channel.VIDEO ? "sign" : "voice").orElse("voice");
    return invites.invite(guest, contact, host, agentName(host), mode);
  }

  @Override
  public void citizenHungUp(ContactId contact) {
    try {
      routing.route(new RoutingCommand.Abandon(contact));
    } catch (NotFoundException e) {
      // routing no longer holds it: it has ended already
    }
  }

  @Override
  public void operatorHungUp(ContactId contact) {
    try {
      routing.route(new RoutingCommand.WrapUp(contact, RoutingCommand.Outcome.RESOLVED));
    } catch (NotFoundException e) {
      // routing no longer holds it: it has ended already
    }
  }

  @Override
  public void returnToLine(ContactId contact, QueueId queue) {
    try {
      routing.route(new RoutingCommand.Transfer(contact, queue, null, null, true));
    } catch (NotFoundException e) {
      // routing no longer holds it: it has ended already
    }
  }

  @Override
  public String agentName(AgentId agent) {
    return agent == null ? "OneNumber" : directory.agent(agent).map(Agent::name).orElse("OneNumber");
  }
}
