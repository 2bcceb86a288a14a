package org.onenumber.server.call;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import org.onenumber.channels.call.CallPartyJournal;
import org.onenumber.channels.call.CallRouting;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.agent.AgentState;
import org.onenumber.core.contact.Channel;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.Directory;
import org.onenumber.core.routing.FreeOperator;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.casework.DepartmentCallInvites;
import org.onenumber.server.routing.CallClaim;
import org.onenumber.server.routing.CallInvites;
import org.onenumber.server.routing.EngineRead;
import org.onenumber.server.routing.RoutingHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call signalling's requests as the routing engine's existing commands: a citizen who hangs up
 * is {@code Abandon} (abandoned while waiting; closed with outcome {@code citizen-left} when
 * connected, as for a chat), an operator who hangs up is {@code WrapUp} (outcome resolved, which the
 * operator may change in the console's outcome form), an operator who lost the call is
 * {@code Transfer} back to its queue keeping its age (next in line); an invitation into the call goes
 * to the invited operator's console ({@link CallInvites}), if that operator exists and has it open;
 * an interpreter queue's invitation to the free operator of it idle longest ({@link FreeOperator}
 * over routing's seats); a department's to its staff on the portal ({@link DepartmentCallInvites}).
 * A hang-up is handed over without waiting ({@link RouteContact#routeUntilJournaled}: tried again
 * until journaled), so neither the socket nor a thread waits for the commit; its stage completes on
 * the blocking executor. An operator in a call as its third party is on a break ({@value #IN_A_CALL})
 * so routing offers them nothing else meanwhile, and available again when they leave. A contact
 * routing no longer holds has already ended: nothing to do. The other requests block on routing:
 * call them from the blocking executor.
 */
final class EngineCallRouting implements CallRouting {

  private static final Logger LOG = LoggerFactory.getLogger(EngineCallRouting.class);
  /** The break reason of an operator who is a call's third party (the console shows it). */
  static final String IN_A_CALL = "third party in a call";

  private final RoutingHost routing;
  /** Where a hang-up's stage completes: what follows (the call's end, a guest's release) may ask routing. */
  private final Executor blocking;
  private final Directory directory;
  private final CallInvites invites;
  private final DepartmentCallInvites departments;
  private final ContactJournal journal;

  EngineCallRouting(RoutingHost routing, Directory directory, CallInvites invites, DepartmentCallInvites departments,
      ContactJournal journal, Executor blocking) {
    this.routing = routing;
    this.blocking = blocking;
    this.directory = directory;
    this.invites = invites;
    this.departments = departments;
    this.journal = journal;
  }

  @Override
  public boolean invite(AgentId guest, ContactId contact, AgentId host) {
    if (directory.agent(guest).isEmpty()) {
      return false;
    }
    return invites.invite(guest, contact, host, agentName(host), mode(contact));
  }

  @Override
  public Optional<AgentId> inviteFromQueue(QueueId queue, ContactId contact, AgentId host, Predicate<AgentId> alreadyGuest) {
    Optional<AgentId> free = FreeOperator.choose(routing.read(EngineRead.AGENTS, ""), queue,
        a -> !a.equals(host) && !alreadyGuest.test(a) && invites.isOpen(a));
    return free.filter(guest -> invites.invite(guest, contact, host, agentName(host), mode(contact)));
  }

  @Override
  public boolean inviteDepartment(String department, ContactId contact, AgentId host) {
    return departments.invite(department, contact.value(), host.value(), agentName(host), mode(contact));
  }

  @Override
  public void guestJoined(AgentId agent) {
    if (routing.agent(agent).filter(a -> a.state() == AgentState.AVAILABLE
        || a.state() == AgentState.BUSY && a.breakReason() == null).isPresent()) {
      routing.routeLater(new RoutingCommand.TakeBreak(agent, IN_A_CALL));
    }
  }

  @Override
  public void guestLeft(String guest) {
    if (CallPartyJournal.LINK.equals(guest)) {
      return;
    }
    AgentId agent = new AgentId(guest);
    if (routing.agent(agent).filter(a -> IN_A_CALL.equals(a.breakReason())).isPresent()) {
      routing.routeLater(new RoutingCommand.MakeAvailable(agent));
    }
  }

  private String mode(ContactId contact) {
    return journal.find(contact).map(c -> c.channel() == Channel.VIDEO ? "sign" : "voice").orElse("voice");
  }

  @Override
  public CompletionStage<Boolean> citizenHungUp(ContactId contact, String claim) {
    return untilJournaled(new RoutingCommand.Abandon(contact), CallClaim.of(contact, claim));
  }

  @Override
  public CompletionStage<Boolean> operatorHungUp(ContactId contact, AgentId operator, String claim) {
    return untilJournaled(new RoutingCommand.WrapUp(contact, RoutingCommand.Outcome.RESOLVED, operator.value()),
        CallClaim.of(contact, claim));
  }

  /**
   * A hang-up nobody waits for ({@link RouteContact#routeUntilJournaled}, as a hung-up phone
   * caller's), written under the call's claim: completes with true once journaled or refused (logged; a
   * contact routing no longer holds has ended already, the expected race), false when the claim was lost.
   */
  private CompletionStage<Boolean> untilJournaled(RoutingCommand command, CallClaim claim) {
    return routing.routeUntilJournaled(command, claim).handleAsync((decisions, failure) -> {
      if (failure == null) {
        return true;
      }
      Throwable cause = RouteContact.causeOf(failure);
      if (cause instanceof CallClaim.LostException) {
        LOG.info("the call's {} was not written: {}", command.getClass().getSimpleName(), cause.getMessage());
        return false;
      }
      if (cause instanceof NotFoundException) {
        LOG.debug("routing already ended the call: {} {}", command.getClass().getSimpleName(), cause.getMessage());
      } else {
        LOG.info("routing refused the call's {}: {}", command.getClass().getSimpleName(), cause.getMessage());
      }
      return true;
    }, blocking);
  }

  @Override
  public boolean returnToLine(ContactId contact, QueueId queue, String claim) {
    try {
      routing.route(new RoutingCommand.Transfer(contact, queue, null, null, true), CallClaim.of(contact, claim));
    } catch (NotFoundException e) {
      // routing no longer holds it: it has ended already
    } catch (CallClaim.LostException e) {
      LOG.info("the call's return to the line was not written: {}", e.getMessage());
      return false;
    }
    return true;
  }

  @Override
  public String agentName(AgentId agent) {
    return agent == null ? "OneNumber" : directory.agent(agent).map(Agent::name).orElse("OneNumber");
  }
}
