package org.onenumber.core.contact;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One move of a contact into {@code state} at {@code at}. {@code agent} and {@code queue} say who
 * and where, when it matters (offered to, transferred to); {@code reason} is free text such as
 * {@code ring-no-answer} or {@code resolved}. {@code by} says who made a wrap-up or an ending
 * happen (issue 11, session 21): the signed-in caller's name (the operator, or a supervisor acting
 * for them), {@value #BY_CHANNEL} (a channel adapter: the caller hung up, the citizen left) or
 * {@value #BY_ROUTING} (routing itself: the wrap-up time ended, a restart, a fallback). Any of the
 * four may be null; {@code by} is null on other moves and on steps journaled before it was kept.
 */
public record ContactStep(ContactState state, Instant at, AgentId agent, QueueId queue, String reason, String by) {

  /** {@code by} of a step a channel adapter asked for. */
  public static final String BY_CHANNEL = "channel";
  /** {@code by} of a step routing took on its own. */
  public static final String BY_ROUTING = "routing";

  public ContactStep {
    InvalidInputException.require(state, "state");
    InvalidInputException.require(at, "at");
    if (by != null) {
      requireBy(by);
    }
  }

  /** Returns {@code by} or throws when it is null, blank or longer than the journal keeps (64). */
  public static String requireBy(String by) {
    if (InvalidInputException.requireText(by, "by").length() > 64) {
      throw new InvalidInputException("by must be at most 64 characters");
    }
    return by;
  }

  /** A step that does not say who made it happen. */
  public ContactStep(ContactState state, Instant at, AgentId agent, QueueId queue, String reason) {
    this(state, at, agent, queue, reason, null);
  }
}
