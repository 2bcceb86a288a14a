package org.onenumber.core.routing;

/** Where a contact known to the engine is; exactly one at a time. */
enum Place {
  /** In line: in the waiting index unless held back (callback retry delay). */
  WAITING,
  OFFERED,
  CONNECTED,
  /** Connected, but the caller is on hold; still the agent's (capacity and busy state unchanged). */
  HELD,
  WRAP_UP,
  /** Connected before a restart to an agent who has not logged in again. */
  ORPHANED,
  /** Closed, abandoned or handed out of routing; no longer tracked. */
  GONE
}
