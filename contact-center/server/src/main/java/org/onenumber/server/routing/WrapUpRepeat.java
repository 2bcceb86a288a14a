package org.onenumber.server.routing;

import java.util.List;
import java.util.Locale;
import org.onenumber.core.contact.Contact;
import org.onenumber.core.contact.ContactState;
import org.onenumber.core.contact.ContactStep;
import org.onenumber.core.routing.RoutingCommand;

/**
 * Whether an operator's wrap-up repeats their own earlier one (issue 11: its answer was lost and the
 * console sends it again), read from the contact's journaled steps.
 *
 * <ul>
 *   <li>A WRAP_UP step (session 18): the caller is the contact's agent and a WRAP_UP step has the
 *       outcome ({@link #SAME}); another outcome is {@link #OTHER_OUTCOME} when the caller started
 *       that wrap-up ({@link ContactStep#by()}), else {@link #NONE}.
 *   <li>No WRAP_UP step, a queue without wrap-up time (session 21): the contact's last step is CLOSED
 *       by the caller, its agent ({@code by}, V436): {@link #SAME} with that outcome, else
 *       {@link #OTHER_OUTCOME}. Closed by anybody else (a supervisor, the channel: the caller hung up,
 *       routing) or before V436 ({@code by} null) is {@link #NONE}: the first wrap-up's way, 409
 *       {@code already_closed}. A close the operator sent counts as their wrap-up: the contact ended as
 *       the repeat asks, by them.
 * </ul>
 */
enum WrapUpRepeat {
  /** The caller's own wrap-up with this outcome: answer the contact's state, store what is missing once. */
  SAME,
  /** The caller wrapped it up with another outcome: 409, nothing changes. */
  OTHER_OUTCOME,
  /** Not a repeat: the wrap-up goes its first way (access check, routing). */
  NONE;

  static WrapUpRepeat of(Contact contact, String caller, RoutingCommand.Outcome outcome) {
    if (contact.agent() == null || !contact.agent().value().equals(caller)) {
      return NONE; // anybody else goes the first wrap-up's way: its access check first
    }
    String reason = outcome.name().toLowerCase(Locale.ROOT);
    List<ContactStep> wrapUps = contact.steps().stream().filter(s -> s.state() == ContactState.WRAP_UP).toList();
    if (!wrapUps.isEmpty()) {
      return wrapUps.stream().anyMatch(s -> reason.equals(s.reason())) ? SAME
          : wrapUps.stream().anyMatch(s -> caller.equals(s.by())) ? OTHER_OUTCOME : NONE;
    }
    return closedBy(contact, caller, reason);
  }

  /**
   * Whether an operator's close repeats their own earlier one (session 22): the caller is the contact's agent
   * and its last step is CLOSED by them, {@link #SAME} with that outcome, else {@link #OTHER_OUTCOME}; a
   * contact in wrap-up (a close there ends the wrap-up early) or closed by anybody else is {@link #NONE}.
   */
  static WrapUpRepeat ofClose(Contact contact, String caller, RoutingCommand.Outcome outcome) {
    if (contact.agent() == null || !contact.agent().value().equals(caller)) {
      return NONE;
    }
    return closedBy(contact, caller, outcome.name().toLowerCase(Locale.ROOT));
  }

  private static WrapUpRepeat closedBy(Contact contact, String caller, String reason) {
    ContactStep last = contact.steps().get(contact.steps().size() - 1);
    if (last.state() != ContactState.CLOSED || !caller.equals(last.by())) {
      return NONE;
    }
    return reason.equals(last.reason()) ? SAME : OTHER_OUTCOME;
  }
}
