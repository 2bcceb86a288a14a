package org.onenumber.core.error;

/** A state machine was asked to move along an edge it does not have. */
public final class IllegalTransitionException extends PermanentException {

  public IllegalTransitionException(String what, Object from, Object to) {
    super("illegal_transition", what + " cannot go from " + from + " to " + to);
  }
}
