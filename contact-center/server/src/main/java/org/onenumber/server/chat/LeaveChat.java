package org.onenumber.server.chat;

import jakarta.inject.Singleton;
import java.time.InstantSource;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import jakarta.inject.Named;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.port.in.RouteContact;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.routing.RoutingCommand;
import org.onenumber.server.chat.JdbcChatSessions.ChatSession;
import org.onenumber.server.persistence.GroupCommitLanes;
import org.onenumber.server.routing.RoutingHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The citizen leaves a web chat: routing is told through {@link RoutingCommand.Abandon} (the same
 * command as {@code POST /api/v1/contacts/{id}/abandon}), which journals and publishes the state
 * change, and the session is marked ended. The cases, by the contact's state:
 *
 * <ol>
 *   <li>Session already ended: nothing (a second {@code leave} is harmless).
 *   <li>No contact yet (nothing was written): the session is only marked ended.
 *   <li>Waiting for an operator ({@link #WAITING}): routing abandons it ({@code ABANDONED}).
 *   <li>Connected or held: routing ends it as for a citizen who hung up ({@code CLOSED}, outcome
 *       {@code citizen-left}); the operator's console sees the contact close.
 *   <li>Wrap-up, closed, abandoned, or anything routing does not hold: nothing to tell routing.
 * </ol>
 *
 * Reads run on the chat's own connections ({@link ChatConnections}) and the session's end is written
 * in the inbound group commit, in its chat handle's lane (session 17: not on the shared pool).
 * Threading: blocks on JDBC (and {@link #leave} on routing's journal: the citizen's page is told
 * {@code ended} only after it); call it from the blocking executor, never an event loop.
 * Failures: a contact that intake journaled but routing has not received yet (a window of a few
 * event-bus hops after the first message) fails with a {@link RetriableException} and the session
 * stays open, so the leave can be repeated; a contact routing no longer holds counts as gone.
 */
@Singleton
final class LeaveChat {

  private static final Logger LOG = LoggerFactory.getLogger(LeaveChat.class);
  /** States in which the citizen is still waiting for an operator. */
  static final Set<ContactState> WAITING =
      EnumSet.of(ContactState.QUEUED, ContactState.OFFERED, ContactState.TRANSFERRED, ContactState.OVERFLOWED);
  private static final Set<ContactState> LIVE = EnumSet.of(ContactState.CONNECTED, ContactState.HELD);

  private final JdbcChatSessions sessions;
  private final ContactJournal journal;
  private final RoutingHost routing;
  private final InstantSource clock;
  private final ChatConnections connections;
  private final GroupCommitLanes commits;

  LeaveChat(JdbcChatSessions sessions, ContactJournal journal, RoutingHost routing, InstantSource clock,
      ChatConnections connections, @Named("inbound-messages") GroupCommitLanes commits) {
    this.connections = connections;
    this.commits = commits;
    this.sessions = sessions;
    this.journal = journal;
    this.routing = routing;
    this.clock = clock;
  }

  /** The citizen said they are leaving ({@code leave} frame): cases 1 to 5. */
  void leave(ChatSession session) {
    if (session.ended()) {
      return;
    }
    Optional<Contact> contact = Optional.ofNullable(session.contact()).flatMap(this::find);
    if (contact.isPresent() && (WAITING.contains(contact.get().state()) || LIVE.contains(contact.get().state()))) {
      abandon(contact.get());
    }
    end(session);
  }

  private Optional<Contact> find(ContactId id) {
    return connections.run(() -> journal.find(id));
  }

  /** Marks the session ended in the group commit; returns once that committed. */
  private void end(ChatSession session) {
    commits.run(session.handle(), () -> sessions.end(session.token(), clock.instant()));
  }

  /**
   * The citizen's socket went away and the grace period passed without a resume: abandons the
   * contact only when it is still waiting (case 3); a connected chat is left to its operator. Nobody
   * is on the chat to hear the answer, so the abandon is handed to routing without waiting ({@link
   * RoutingHost#routeUntilJournaled}: tried again until journaled, through a database outage or a
   * takeover) and the session is marked ended once it is journaled, on {@code executor}; a server
   * that stops before that finds the session not ended and its contact waiting, and gives it a fresh
   * grace period ({@link ChatAbandonTimer} case 4). Returns whether it handed an abandon over.
   */
  boolean abandonIfWaiting(ChatSession session, Executor executor) {
    if (session.ended() || session.contact() == null) {
      return false;
    }
    Optional<Contact> contact = find(session.contact());
    if (contact.isEmpty() || !WAITING.contains(contact.get().state())) {
      return false;
    }
    routing.routeUntilJournaled(new RoutingCommand.Abandon(contact.get().id())).whenCompleteAsync((done, failure) -> {
      Throwable cause = RouteContact.causeOf(failure);
      if (cause == null || cause instanceof NotFoundException) { // journaled, or routing no longer holds it
        end(session);
      } else {
        LOG.warn("routing refused to abandon chat {}: {}", contact.get().id(), cause.getMessage());
      }
    }, executor);
    return true;
  }

  private void abandon(Contact contact) {
    try {
      routing.handle(new RoutingCommand.Abandon(contact.id()));
    } catch (NotFoundException e) {
      boolean stillWaiting = find(contact.id()).map(c -> WAITING.contains(c.state())).orElse(false);
      if (stillWaiting) {
        throw new RetriableException("routing has not received this chat yet; leave again in a moment", e);
      }
    }
  }
}
