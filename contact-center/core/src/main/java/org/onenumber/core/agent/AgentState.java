package org.onenumber.core.agent;

import java.util.EnumSet;
import java.util.Set;

/**
 * An agent's presence. {@code RESERVED} means a contact is being offered to them;
 * {@code NOT_RESPONDING} follows an offer that timed out, until they make themselves available.
 */
public enum AgentState {
  OFFLINE,
  AVAILABLE,
  RESERVED,
  BUSY,
  WRAP_UP,
  BREAK,
  NOT_RESPONDING;

  public boolean canMoveTo(AgentState next) {
    return next != this && successors().contains(next);
  }

  /** The states reachable in one step from this one. */
  public Set<AgentState> successors() {
    return switch (this) {
      case OFFLINE -> EnumSet.of(AVAILABLE, BREAK);
      case AVAILABLE -> EnumSet.of(RESERVED, BUSY, BREAK, OFFLINE);
      case RESERVED -> EnumSet.of(BUSY, AVAILABLE, NOT_RESPONDING, OFFLINE);
      case BUSY -> EnumSet.of(WRAP_UP, AVAILABLE, RESERVED, OFFLINE);
      case WRAP_UP -> EnumSet.of(AVAILABLE, BUSY, BREAK, OFFLINE);
      case BREAK -> EnumSet.of(AVAILABLE, OFFLINE);
      case NOT_RESPONDING -> EnumSet.of(AVAILABLE, BREAK, OFFLINE);
    };
  }
}
