package org.onenumber.core.contact;

import java.time.Instant;
import org.onenumber.core.agent.AgentId;
import org.onenumber.core.directory.QueueId;
import org.onenumber.core.error.InvalidInputException;

/**
 * One move of a contact into {@code state} at {@code at}. {@code agent} and {@code queue} say who
 * and where, when it matters (offered to, transferred to); {@code reason} is free text such as
 * {@code ring-no-answer} or {@code resolved}. Either may be null.
 */
public record ContactStep(ContactState state, Instant at, AgentId agent, QueueId queue, String reason) {

  public ContactStep {
    InvalidInputException.require(state, "state");
    InvalidInputException.require(at, "at");
  }
}
