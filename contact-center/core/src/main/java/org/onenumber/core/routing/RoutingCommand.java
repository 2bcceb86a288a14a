package org.onenumber.core.routing;

import java.util.Set;
import org.onenumber.core.agent.Agent;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/** Everything that can happen to the routing engine, as validated records. */
public sealed interface RoutingCommand {

  /** Adds or replaces a queue's routing configuration. */
  record Configure(QueueConfig config) implements RoutingCommand {
    public Configure {
      InvalidInputException.require(config, "config");
    }
  }

  /** A queued contact (from intake) enters routing. */
  record Arrive(Contact contact) implements RoutingCommand {
    public Arrive {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.require(contact.queue(), "contact.queue");
      if (contact.state() != ContactState.QUEUED) {
        throw new InvalidInputException("contact " + contact.id() + " must be QUEUED to arrive, is " + contact.state());
      }
    }
  }

  /**
   * An agent logs in to {@code queues} (empty: all of {@code agent.queues()}), available or on
   * break when {@code breakReason} is given.
   */
  record LogIn(Agent agent, Set<QueueId> queues, String breakReason) implements RoutingCommand {
    public LogIn {
      InvalidInputException.require(agent, "agent");
      queues = Set.copyOf(queues == null || queues.isEmpty() ? agent.queues() : queues);
    }
  }

  /** Logs out; with open contacts it is refused unless {@code transferOpenContacts}. */
  record LogOut(AgentId agent, boolean transferOpenContacts) implements RoutingCommand {
    public LogOut {
      InvalidInputException.require(agent, "agent");
    }
  }

  /** The agent makes themselves available (also after NOT_RESPONDING). */
  record MakeAvailable(AgentId agent) implements RoutingCommand {
    public MakeAvailable {
      InvalidInputException.require(agent, "agent");
    }
  }

  /** The agent takes a break; no new offers until they make themselves available. */
  record TakeBreak(AgentId agent, String reason) implements RoutingCommand {
    public TakeBreak {
      InvalidInputException.require(agent, "agent");
      InvalidInputException.requireText(reason, "reason");
    }
  }

  /** Changes how many messaging contacts the agent may hold at once. */
  record ChangeCapacity(AgentId agent, int maxMessaging) implements RoutingCommand {
    public ChangeCapacity {
      InvalidInputException.require(agent, "agent");
      if (maxMessaging < 0 || maxMessaging > 20) {
        throw new InvalidInputException("maxMessaging must be 0..20, got " + maxMessaging);
      }
    }
  }

  /** The agent takes the offer: the contact is CONNECTED to them, the step's reason {@value #REASON}. */
  record Accept(AgentId agent, ContactId contact) implements RoutingCommand {
    public static final String REASON = "accepted";

    public Accept {
      InvalidInputException.require(agent, "agent");
      InvalidInputException.require(contact, "contact");
    }
  }

  /**
   * The offer goes back to the line. A decline counts as a missed offer (NOT_RESPONDING where the
   * queue says so) unless its reason is {@link #CALL_NOT_CONNECTED}: the call, not the operator, is
   * why it was not answered.
   */
  record Decline(AgentId agent, ContactId contact, String reason) implements RoutingCommand {

    /** The call could not be connected to the operator (e.g. bridged without routing's accept). */
    public static final String CALL_NOT_CONNECTED = "call-not-connected";

    public Decline {
      InvalidInputException.require(agent, "agent");
      InvalidInputException.require(contact, "contact");
    }
  }

  /**
   * Puts a connected call on hold: the caller hears music, the agent stays busy with it. Only a
   * call (voice or video) that is CONNECTED can be held.
   */
  record Hold(ContactId contact) implements RoutingCommand {
    public Hold {
      InvalidInputException.require(contact, "contact");
    }
  }

  /**
   * Starts a consult (attended) transfer: the connected call is held while its agent talks with
   * {@code target} on a consultation leg ({@code agent:<id>} or {@code department:<id>}, kept in the
   * journal step's reason). The consult ends with {@link Handover} (or a department {@link Transfer})
   * when completed, or {@link Resume} when cancelled.
   */
  record Consult(ContactId contact, String target) implements RoutingCommand {
    public Consult {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.requireText(target, "target");
    }
  }

  /**
   * Completes a consult transfer to an agent: the held call goes straight to {@code toAgent}, who
   * talked with the first agent on the consult leg, CONNECTED without an offer; the first agent is
   * free at once. {@code toAgent} must be logged in with no call and no offer.
   */
  record Handover(ContactId contact, AgentId toAgent) implements RoutingCommand {
    public Handover {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.require(toAgent, "toAgent");
    }
  }

  /** Takes a held call off hold: it is CONNECTED to the same agent again. */
  record Resume(ContactId contact) implements RoutingCommand {
    public Resume {
      InvalidInputException.require(contact, "contact");
    }
  }

  /**
   * Starts the queue's wrap-up timer for a connected contact; {@code outcome} ends up in the close step.
   * {@code by} (the caller's name, or {@code ContactStep.BY_CHANNEL}) ends up in the WRAP_UP step, or in
   * the CLOSED step of a queue without wrap-up time: who closed it (issue 11, session 21).
   */
  record WrapUp(ContactId contact, Outcome outcome, String by) implements RoutingCommand {
    public WrapUp {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.require(outcome, "outcome");
      ContactStep.requireBy(by);
    }

    /** A channel adapter's wrap-up (the call ended). */
    public WrapUp(ContactId contact, Outcome outcome) {
      this(contact, outcome, ContactStep.BY_CHANNEL);
    }
  }

  /** Closes a connected or wrapping-up contact at once; {@code by} as {@link WrapUp}'s, in the CLOSED step. */
  record Close(ContactId contact, Outcome outcome, String by) implements RoutingCommand {
    public Close {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.require(outcome, "outcome");
      ContactStep.requireBy(by);
    }

    /** A channel adapter's close. */
    public Close(ContactId contact, Outcome outcome) {
      this(contact, outcome, ContactStep.BY_CHANNEL);
    }
  }

  /**
   * The citizen left: hung up, closed the chat, stopped answering ({@code reason} "citizen-left"), or
   * the conversation was lost without them (e.g. "call-lost-in-restart": the call ended while no
   * server carried it). The reason ends up in the closing step.
   */
  record Abandon(ContactId contact, String reason) implements RoutingCommand {
    public static final String CITIZEN_LEFT = "citizen-left";

    public Abandon {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.requireText(reason, "reason");
    }

    public Abandon(ContactId contact) {
      this(contact, CITIZEN_LEFT);
    }
  }

  /**
   * Moves a connected contact to exactly one of: another queue, a named agent, a department desk.
   * {@code keepAge} keeps the original waiting time (the default).
   */
  record Transfer(ContactId contact, QueueId toQueue, AgentId toAgent, DepartmentId toDepartment, boolean keepAge)
      implements RoutingCommand {
    public Transfer {
      InvalidInputException.require(contact, "contact");
      int targets = (toQueue != null ? 1 : 0) + (toAgent != null ? 1 : 0) + (toDepartment != null ? 1 : 0);
      if (targets != 1) {
        throw new InvalidInputException("a transfer names exactly one of queue, agent, department");
      }
    }
  }

  /**
   * A {@link Transfer} to a queue another routing partition's engine routes ({@link Partitions}): the
   * engine holding the contact journals it back to queued in {@code toQueue} (its first queued time, and
   * so its wait, kept) and forgets it; the owner of {@code toQueue}'s partition picks it up from the
   * journal. Sent by the server in place of such a transfer, never by a client.
   */
  record HandOff(ContactId contact, QueueId toQueue) implements RoutingCommand {
    public HandOff {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.require(toQueue, "toQueue");
    }
  }

  /** Adds a third party (an interpreter) to a connected call. */
  record Conference(ContactId contact, String thirdParty) implements RoutingCommand {
    public Conference {
      InvalidInputException.require(contact, "contact");
      InvalidInputException.requireText(thirdParty, "thirdParty");
    }
  }

  /** The waiting citizen asks to be called back, keeping their place in line. */
  record RequestCallback(ContactId contact) implements RoutingCommand {
    public RequestCallback {
      InvalidInputException.require(contact, "contact");
    }
  }

  /** The result of dialing a callback (see {@code CallbackPlaced}). */
  record CallbackResult(ContactId contact, boolean answered) implements RoutingCommand {
    public CallbackResult {
      InvalidInputException.require(contact, "contact");
    }
  }

  /** Time passed: fire every timer due by the engine's clock. */
  record Tick() implements RoutingCommand {}

  /** How a contact ended, recorded in its closing step's reason. */
  enum Outcome {
    RESOLVED,
    ESCALATED,
    TRANSFERRED;

    String reason() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
