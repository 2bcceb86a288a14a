package org.onenumber.core.welfare;

/** How one attempt to reach a senior ended. */
public enum CallOutcome {
  /** Pressed 1 (or replied 1, or told the operator all is well). */
  WELL(true),
  /** Pressed 2: wants to talk to someone; an operator of the welfare queue is offered the call. */
  WANTS_TO_TALK(true),
  /** Reached, and the operator set the "concern" disposition. */
  CONCERN(true),
  NO_ANSWER(false),
  BUSY(false),
  FAILED(false),
  /** An answering machine or silence: counts as not reached. */
  MACHINE(false),
  /** The senior left the program before the attempt was due: not called, not counted. */
  WITHDRAWN(true);

  private final boolean reached;

  CallOutcome(boolean reached) {
    this.reached = reached;
  }

  public boolean reached() {
    return reached;
  }
}
