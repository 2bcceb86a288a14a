package org.onenumber.core.contact;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a contact is in its life. The allowed moves are the edges of the diagram in the package
 * documentation; {@link #canMoveTo} is the single source of truth for them.
 */
public enum ContactState {
  CREATED,
  QUEUED,
  OFFERED,
  CONNECTED,
  HELD,
  WRAP_UP,
  CLOSED,
  ABANDONED,
  CALLBACK_REQUESTED,
  TRANSFERRED,
  OVERFLOWED;

  /** True when nothing can happen to the contact any more. */
  public boolean isTerminal() {
    return this == CLOSED || this == ABANDONED;
  }

  public boolean canMoveTo(ContactState next) {
    return successors().contains(next);
  }

  /** The states reachable in one step from this one. */
  public Set<ContactState> successors() {
    return switch (this) {
      case CREATED -> EnumSet.of(QUEUED, OFFERED, CLOSED, ABANDONED);
      case QUEUED -> EnumSet.of(OFFERED, ABANDONED, CALLBACK_REQUESTED, TRANSFERRED, OVERFLOWED, CLOSED);
      case OFFERED -> EnumSet.of(CONNECTED, QUEUED, CALLBACK_REQUESTED, ABANDONED);
      case CONNECTED -> EnumSet.of(HELD, WRAP_UP, TRANSFERRED, CLOSED);
      case HELD -> EnumSet.of(CONNECTED, WRAP_UP, TRANSFERRED, CLOSED);
      case WRAP_UP -> EnumSet.of(CLOSED);
      case CALLBACK_REQUESTED -> EnumSet.of(QUEUED, OFFERED, CLOSED);
      case TRANSFERRED -> EnumSet.of(QUEUED, OFFERED, CLOSED, ABANDONED);
      case OVERFLOWED -> EnumSet.of(QUEUED, OFFERED, CLOSED, ABANDONED);
      case CLOSED, ABANDONED -> EnumSet.noneOf(ContactState.class);
    };
  }
}
