package org.onenumber.core.welfare;

/** Where an attempt is: waiting for its due time, being dialled (or its text awaiting a reply), or done. */
public enum AttemptState {
  SCHEDULED,
  DIALING,
  DONE
}
