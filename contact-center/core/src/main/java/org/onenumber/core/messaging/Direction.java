package org.onenumber.core.messaging;

/** Which way a message travelled: from the citizen ({@code IN}) or to them ({@code OUT}). */
public enum Direction {
  IN,
  OUT
}
