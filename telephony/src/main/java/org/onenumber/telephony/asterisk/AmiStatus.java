package org.onenumber.telephony.asterisk;

import java.time.Instant;

/**
 * The AMI connection's state for {@code /health}: {@code UP} once logged in, {@code DOWN} while
 * lost or refused (with why, never the secret), {@code DISABLED} when not configured.
 */
public record AmiStatus(State state, String detail, Instant since, int connects) {

  public enum State { DISABLED, CONNECTING, UP, DOWN }

  public boolean up() {
    return state == State.UP;
  }
}
