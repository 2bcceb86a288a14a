package org.onenumber.ops.sla;

/** What a set of figures is about. */
public enum ScopeKind {
  CENTER,
  QUEUE,
  CHANNEL,
  LANGUAGE,
  AGENT
}
