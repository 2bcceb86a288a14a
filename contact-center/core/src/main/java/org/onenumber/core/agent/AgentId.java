package org.onenumber.core.agent;

import org.onenumber.core.error.InvalidInputException;

/** Identifies an {@link Agent}; the operator's login name. */
public record AgentId(String value) {
  public AgentId {
    InvalidInputException.requireText(value, "agentId");
  }

  @Override
  public String toString() {
    return value;
  }
}
