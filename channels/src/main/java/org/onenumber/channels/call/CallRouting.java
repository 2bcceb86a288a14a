package org.onenumber.channels.call;

import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Predicate;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.QueueId;

/**
 * What the signalling tells routing and the consoles, and the one thing it asks: the server maps these to the
 * engine's existing commands ({@code Abandon} for a citizen who hangs up, waiting or connected;
 * {@code WrapUp} for an operator who hangs up; {@code Transfer} back to the queue for an operator
 * who lost the call) and to the directory. The steps a call's home hands (the hang-ups, the return to the line)
 * carry its claim ({@link CallClaims}; null or blank: the call is not fenced), and are written only while that
 * claim is still the call's, checked in the transaction that writes them: so a home frozen after its own check
 * ({@link CallFence}) that wakes after another node took the call over writes nothing; it hears {@code false}
 * and gives the call up.
 */
public interface CallRouting {

  /**
   * The citizen hung up, closed the page, or did not come back within the grace period. Handed to
   * routing at once, never waited for: routing tries it again until it is journaled (as a hung-up
   * phone caller's). The stage completes with true once it is journaled, or refused (the contact has ended
   * already); with false when {@code claim} no longer holds (another node claimed the call: nothing was
   * written); never with a failure.
   */
  CompletionStage<Boolean> citizenHungUp(ContactId contact, String claim);

  /**
   * The host operator {@code operator} hung up: the contact goes to wrap-up, where the operator gives its
   * outcome, and the journal's WRAP_UP (or CLOSED) step names {@code operator} as who ended it, as the REST
   * hang-up's does. Handed over and completed as {@link #citizenHungUp}.
   */
  CompletionStage<Boolean> operatorHungUp(ContactId contact, AgentId operator, String claim);

  /**
   * The operator's console lost the call and did not come back within the grace period: the call
   * goes back to {@code queue} keeping its age, so it is next in line ({@code Transfer} with
   * {@code keepAge}). False when {@code claim} no longer holds (nothing written), true otherwise (also when
   * the contact had ended).
   */
  boolean returnToLine(ContactId contact, QueueId queue, String claim);

  /**
   * Tells {@code guest}'s console that {@code host} invites them into the call of {@code contact}
   * (the three-way relay); false when {@code guest} has no console open, so nobody would hear it.
   */
  boolean invite(AgentId guest, ContactId contact, AgentId host);

  /**
   * Picks a free operator of {@code queue} (an interpreter queue: logged in to it, on no voice or
   * video contact, console open, idle longest, as routing picks; not {@code host}, none for whom
   * {@code alreadyGuest} holds) and tells their console as {@link #invite} does; empty when none is free.
   */
  Optional<AgentId> inviteFromQueue(QueueId queue, ContactId contact, AgentId host, Predicate<AgentId> alreadyGuest);

  /**
   * Tells the staff of {@code department} who have the department portal open that {@code host}
   * invites them into the call of {@code contact}; false when none has it open (or no such department).
   */
  boolean inviteDepartment(String department, ContactId contact, AgentId host);

  /**
   * The operator {@code agent} joined a call as its third party: routing offers them no other
   * contact meanwhile (a break, if they were available).
   */
  void guestJoined(AgentId agent);

  /**
   * {@code guest} (an agent id, a staff login or the link) left a call: available again if that
   * break is still theirs.
   */
  void guestLeft(String guest);

  /** The name the citizen is shown for {@code agent}. */
  String agentName(AgentId agent);
}
