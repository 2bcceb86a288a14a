package org.onenumber.server.routing;

import java.time.InstantSource;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.analytics.ComplaintType;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.directory.DepartmentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.analytics.Dispositions;
import org.onenumber.server.console.JdbcContactNotes;
import org.onenumber.server.routing.RoutingViews.ContactStateView;
import org.onenumber.server.routing.RoutingViews.PositionView;
import org.onenumber.server.routing.RoutingViews.QueueStatusView;

/**
 * Offers and routed contacts: accept or decline an offer, wrap up, close, transfer, conference,
 * and what channels need for a waiting citizen (callback, abandon, position). Agent actions are
 * allowed to the contact's agent, supervisors and admins; channel actions to any signed-in caller.
 */
@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "routing")
final class ContactRoutingController {

  private final RoutingHost routing;
  private final InstantSource clock;
  private final JdbcContactNotes notes;
  private final Dispositions dispositions;
  private final ContactJournal journal;
  private final WrapUpRecords wrapUps;

  ContactRoutingController(RoutingHost routing, InstantSource clock, JdbcContactNotes notes,
      Dispositions dispositions, ContactJournal journal, WrapUpRecords wrapUps) {
    this.wrapUps = wrapUps;
    this.journal = journal;
    this.dispositions = dispositions;
    this.clock = clock;
    this.notes = notes;
    this.routing = routing;
  }

  @Post("/offers/{offerId}/accept")
  @Operation(summary = "Accept an offer (its id is the contact id); the contact is connected to the agent. Sent "
      + "again by that operator while the contact is still connected by their accept (the first answer was lost), "
      + "it answers 200 CONNECTED and changes nothing")
  ContactStateView accept(@PathVariable String offerId, Authentication who) {
    Contact contact = routing.contactForStaff(new ContactId(offerId)).orElse(null);
    if (contact != null && acceptedBy(contact, who)) {
      return new ContactStateView(offerId, contact.state().name(), null, null, clock.instant());
    }
    AgentId agent = offeredTo(contact, offerId, who);
    return after(offerId, routing.handle(new RoutingCommand.Accept(agent, new ContactId(offerId))), null);
  }

  /**
   * Whether {@code contact} is connected to the caller, its own agent (not a supervisor acting for them), by
   * their accept and nothing since: an accept sent again after its answer was lost (issue 11, session 21).
   */
  private static boolean acceptedBy(Contact contact, Authentication who) {
    ContactStep last = contact.steps().getLast();
    return contact.state() == ContactState.CONNECTED && contact.agent() != null
        && contact.agent().value().equals(who.getName()) && RoutingCommand.Accept.REASON.equals(last.reason());
  }

  @Post("/offers/{offerId}/decline")
  @Operation(summary = "Decline an offer: the contact returns to its place in line")
  ContactStateView decline(@PathVariable String offerId, @Nullable @Body RoutingBodies.Decline body, Authentication who) {
    AgentId agent = offeredTo(offerId, who);
    return after(offerId, routing.handle(new RoutingCommand.Decline(agent, new ContactId(offerId),
        body == null ? null : body.reason())), null);
  }

  @Post("/contacts/{contactId}/wrap-up")
  @Operation(summary = "Start the queue's wrap-up timer with the outcome (RESOLVED, ESCALATED, TRANSFERRED) and "
      + "optionally the operator's disposition (category: a type code of the city's tree). Sent again by the "
      + "operator who wrapped the contact up, with the same outcome (the first answer was lost), it answers 200 "
      + "with the contact's state and stores the note and disposition only if they are missing, also on a queue "
      + "without wrap-up time, where their first wrap-up closed the contact (CLOSED); with another outcome 409. So is "
      + "a repeat sent while the first is still on its way, to this node or another (whichever routing applies second)")
  ContactStateView wrapUp(@PathVariable String contactId, @Body RoutingBodies.Outcome body, Authentication who) {
    return firstOrRepeat(contactId, body, who, WrapUpRepeat::of,
        (contact, outcome) -> new RoutingCommand.WrapUp(contact, outcome, who.getName()));
  }

  /**
   * A wrap-up or close, answered the same on whichever node it arrives (issue 11, sessions 22 and 23): a repeat of
   * the caller's own ({@code repeat}, read from routing or the journal) is answered with the contact's state,
   * another outcome is 409, anything else goes its first way ({@link #finish}). A first way that routing refuses
   * because the contact moved on meanwhile ({@link #movedOn}: another try of the same wrap-up, on this node or
   * another, was applied first) is read again and answered as that repeat if it is one: routing answers a refusal
   * only once the batch that holds it, and every command applied before it, is written ({@link RoutingQueue}), and
   * the second read goes through routing's read barrier first, so it sees the try that won.
   */
  private ContactStateView firstOrRepeat(String contactId, RoutingBodies.Outcome body, Authentication who,
      RepeatRule repeat, BiFunction<ContactId, RoutingCommand.Outcome, RoutingCommand> command) {
    ContactId id = new ContactId(contactId);
    Optional<ContactStateView> repeated = asRepeat(id, body, who, repeat);
    if (repeated.isPresent()) {
      return repeated.get();
    }
    try {
      return finish(contactId, body, who, command);
    } catch (PermanentException refused) {
      if (!movedOn(refused)) {
        throw refused;
      }
      return asRepeat(id, body, who, repeat).orElseThrow(() -> refused);
    }
  }

  /** The contact's state when the wrap-up repeats the caller's own; 409 with another outcome; empty when not a repeat. */
  private Optional<ContactStateView> asRepeat(ContactId id, RoutingBodies.Outcome body, Authentication who,
      RepeatRule repeat) {
    Contact routed = routing.contactForStaff(id).orElse(null);
    Contact known = routed != null ? routed : journal.find(id).orElse(null);
    return switch (known == null ? WrapUpRepeat.NONE : repeat.of(known, who.getName(), body.parsed())) {
      case SAME -> Optional.of(repeated(known, routed != null, body, who));
      case OTHER_OUTCOME -> throw new PermanentException("illegal_transition", "the contact " + id.value()
          + " was already wrapped up by you with another outcome: it stays as it was");
      case NONE -> Optional.empty();
    };
  }

  /**
   * Whether routing refused a wrap-up or close because the contact is no longer where the first read saw it: it
   * ended (404 {@code not_found}, here or relayed from the owner; 409 {@code already_closed}) or moved to wrap-up
   * (409 {@code illegal_transition}).
   */
  private static boolean movedOn(PermanentException refused) {
    return refused instanceof NotFoundException || refused instanceof IllegalTransitionException
        || List.of("not_found", "illegal_transition", "already_closed").contains(refused.code());
  }

  /** {@link WrapUpRepeat#of} or {@link WrapUpRepeat#ofClose}. */
  private interface RepeatRule {
    WrapUpRepeat of(Contact contact, String caller, RoutingCommand.Outcome outcome);
  }

  /** The operator's wrap-up sent again: what is missing stored once, the contact's state answered. */
  private ContactStateView repeated(Contact known, boolean routed, RoutingBodies.Outcome body, Authentication who) {
    ComplaintType disposed = body.category() == null ? null : dispositions.check(body.category());
    wrapUps.storeOnce(known.id(), who.getName(), body.note(), disposed);
    return routed ? now(known.id().value(), null, null)
        : new ContactStateView(known.id().value(), known.state().name(), null, null, clock.instant());
  }

  @Post("/contacts/{contactId}/close")
  @Operation(summary = "Close a connected or wrapping-up contact now, with its outcome and optionally the operator's "
      + "disposition (category: a type code of the city's tree). Sent again by the operator who closed it, with the "
      + "same outcome (the first answer was lost, or the first is still in flight), it answers 200 CLOSED and stores "
      + "the note and disposition only if they are missing; with another outcome 409")
  ContactStateView close(@PathVariable String contactId, @Body RoutingBodies.Outcome body, Authentication who) {
    return firstOrRepeat(contactId, body, who, WrapUpRepeat::ofClose,
        (contact, outcome) -> new RoutingCommand.Close(contact, outcome, who.getName()));
  }

  /**
   * Wrap-up or close: the caller must act for the contact's agent and a disposition must name a type
   * of the tree before anything changes; then the command (journaled with the caller as its step's
   * {@code by}), the wrap-up note and the disposition: once ({@link WrapUpRecords}) for a wrap-up, also when it
   * closed at once, and for a close that ends the contact's talk, as its repeat may be running at the same time
   * on another node; a close that ends a wrap-up early adds its own beside the wrap-up's.
   */
  private ContactStateView finish(String contactId, RoutingBodies.Outcome body, Authentication who,
      BiFunction<ContactId, RoutingCommand.Outcome, RoutingCommand> command) {
    boolean endsWrapUp = heldFor(contactId, who).state() == ContactState.WRAP_UP;
    ComplaintType disposed = body.category() == null ? null : dispositions.check(body.category());
    RoutingCommand sent = command.apply(new ContactId(contactId), body.parsed());
    ContactStateView after = after(contactId, routing.handle(sent), null);
    if (sent instanceof RoutingCommand.WrapUp || !endsWrapUp) {
      wrapUps.storeOnce(new ContactId(contactId), who.getName(), body.note(), disposed);
      return after;
    }
    keepNote(contactId, body, who);
    if (disposed != null) {
      dispositions.record(new ContactId(contactId), disposed, who.getName());
    }
    return after;
  }

  /** The wrap-up note goes with the contact's internal notes (it was dropped before). */
  private void keepNote(String contactId, RoutingBodies.Outcome body, Authentication who) {
    if (body.note() != null && !body.note().isBlank()) {
      notes.add(new ContactId(contactId), JdbcContactNotes.Kind.WRAP_UP, who.getName(), body.note());
    }
  }

  @Post("/contacts/{contactId}/transfer")
  @Operation(summary = "Transfer to a queue (keeping the contact's age by default), a named agent or a department desk")
  ContactStateView transfer(@PathVariable String contactId, @Body RoutingBodies.Transfer body, Authentication who) {
    agentOf(contactId, who);
    var command = new RoutingCommand.Transfer(new ContactId(contactId),
        body.toQueue() == null ? null : new QueueId(body.toQueue()),
        body.toAgent() == null ? null : new AgentId(body.toAgent()),
        body.toDepartment() == null ? null : new DepartmentId(body.toDepartment()),
        body.keepAge() == null || body.keepAge());
    String target = body.toQueue() != null ? "queue:" + body.toQueue()
        : body.toAgent() != null ? "agent:" + body.toAgent() : "department:" + body.toDepartment();
    return after(contactId, routing.handle(command), target);
  }

  @Post("/contacts/{contactId}/conference")
  @Operation(summary = "Add a third party (an interpreter) to a connected call")
  ContactStateView conference(@PathVariable String contactId, @Body RoutingBodies.Conference body, Authentication who) {
    agentOf(contactId, who);
    return after(contactId, routing.handle(new RoutingCommand.Conference(new ContactId(contactId), body.thirdParty())),
        body.thirdParty());
  }

  @Post("/contacts/{contactId}/callback")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "The waiting citizen asks for a callback and leaves the line, keeping their place")
  ContactStateView callback(@PathVariable String contactId, @Nullable @Body RoutingBodies.Callback body) {
    return after(contactId, routing.handle(new RoutingCommand.RequestCallback(new ContactId(contactId))), null);
  }

  @Post("/contacts/{contactId}/callback-result")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "Telephony reports a callback dial: answered connects the reserved agent, otherwise it retries")
  ContactStateView callbackResult(@PathVariable String contactId, @Body RoutingBodies.CallbackResult body) {
    return after(contactId, routing.handle(new RoutingCommand.CallbackResult(new ContactId(contactId), body.answered())),
        null);
  }

  @Post("/contacts/{contactId}/abandon")
  @Secured({"SUPERVISOR", "ADMIN"})
  @Operation(summary = "The citizen left (hung up, closed the chat): a channel adapter reports it")
  ContactStateView abandon(@PathVariable String contactId) {
    return after(contactId, routing.handle(new RoutingCommand.Abandon(new ContactId(contactId))), null);
  }

  @Get("/contacts/{contactId}/position")
  @Operation(summary = "A waiting contact's position (1 is next) and estimated wait")
  PositionView position(@PathVariable String contactId) {
    return routing.read(EngineRead.POSITION, new ContactId(contactId).value()).map(PositionView::of)
        .orElseThrow(() -> new NotFoundException("waiting contact", contactId));
  }

  @Get("/queues/{queueId}/status")
  @Operation(summary = "A queue at a glance: waiting, oldest wait, agents logged in, estimated wait")
  QueueStatusView status(@PathVariable String queueId) {
    return routing.read(EngineRead.QUEUE_STATUS, new QueueId(queueId).value()).map(QueueStatusView::of)
        .orElseThrow(() -> new NotFoundException("queue", queueId));
  }

  /**
   * The agent the contact is offered to, after checking the caller may act for them. An offer no
   * longer open (it rang out and went back to the queue or to another agent, or the citizen left)
   * is 409 {@code offer_gone}: a late accept is a race the console loses, not a forbidden act.
   */
  private AgentId offeredTo(String offerId, Authentication who) {
    return offeredTo(routing.contactForStaff(new ContactId(offerId)).orElse(null), offerId, who);
  }

  /** As {@link #offeredTo(String, Authentication)} for {@code contact}, routing's answer for the offer (or null). */
  private AgentId offeredTo(Contact contact, String offerId, Authentication who) {
    if (contact == null) {
      throw closedOrMissing(offerId, "offer_gone", "the offer " + offerId + " is no longer open: the citizen left");
    }
    if (contact.state() != ContactState.OFFERED || contact.agent() == null
        || !AgentAccess.mayActFor(who, contact.agent().value())) {
      throw new PermanentException("offer_gone", "the offer " + offerId + " is no longer open to you");
    }
    return contact.agent();
  }

  /**
   * A contact routing no longer has: routing lets go of a contact only when it ended (closed,
   * abandoned), so one the journal knows is 409 {@code code} (the citizen hung up and the channel
   * ended it first; the console's accept or wrap-up came second), whatever state the journal's
   * row shows yet (its write may still be in a group commit); one it does not know is 404.
   */
  private RuntimeException closedOrMissing(String contactId, String code, String message) {
    return journal.find(new ContactId(contactId)).isPresent() ? new PermanentException(code, message)
        : new NotFoundException("routed contact", contactId);
  }

  /** The agent holding or offered the contact, after checking the caller may act for them. */
  private AgentId agentOf(String contactId, Authentication who) {
    return heldFor(contactId, who).agent();
  }

  /** The contact as routing holds it, after checking the caller may act for its agent. */
  private Contact heldFor(String contactId, Authentication who) {
    Contact contact = routing.contactForStaff(new ContactId(contactId)).orElse(null);
    if (contact == null) {
      throw closedOrMissing(contactId, "already_closed", "the contact " + contactId + " is already closed: the citizen left");
    }
    RoutingAccess.requireAgent(who, contact.agent() == null ? null : contact.agent().value());
    return contact;
  }

  private ContactStateView after(String contactId, org.onenumber.core.routing.Decisions decisions, String target) {
    ContactId id = new ContactId(contactId);
    String decided = decisions.contacts().stream().filter(c -> c.id().equals(id))
        .reduce((a, b) -> b).map(c -> c.state().name()).orElse(null);
    if (decided != null && !ContactState.WRAP_UP.name().equals(decided)) {
      // the command's own answer: no second read (after a hand-over that read would go to the target
      // partition's owner, and answer 503 for a transfer already journaled while that owner changes)
      return new ContactStateView(contactId, decided, target, null, clock.instant());
    }
    return now(contactId, decided, target);
  }

  /** The contact's state as routing has it now (or {@code decided}), with its wrap-up's end while in wrap-up. */
  private ContactStateView now(String contactId, String decided, String target) {
    ContactId id = new ContactId(contactId);
    Contact now = routing.contactForStaff(id).orElse(null); // the owner's engine, on a cluster standby
    String state = decided != null ? decided : now == null ? "CLOSED" : now.state().name();
    Instant wrapUpEndsAt = now == null || now.agent() == null || now.state() != ContactState.WRAP_UP ? null
        : routing.agent(now.agent()).map(s -> s.wrapUpEndsAt().get(id)).orElse(null);
    return new ContactStateView(contactId, state, target, wrapUpEndsAt, clock.instant());
  }
}
