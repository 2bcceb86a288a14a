package org.onenumber.core.routing;

/** What a queue's widening step does to a contact that has waited past its threshold. */
public enum StepAction {
  /** Lowers every required skill level by the step's delta (never below 1). */
  LOWER_SKILL,
  /** Adds the step's queues as further targets: their agents may take the contact too. */
  ADD_QUEUES,
  /** Tells the channel to offer the citizen a callback (the citizen decides). */
  OFFER_CALLBACK,
  /** Takes the contact out of the line to the step's target (for example SMS self-service). */
  FALLBACK
}
