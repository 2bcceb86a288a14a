package org.onenumber.channels.call;

import java.util.Locale;
import org.onenumber.core.error.InvalidInputException;

/**
 * The three parties a browser call can have: the citizen who called, the operator routing
 * connected (the host), and one guest the host invited (another signed-in operator or an
 * interpreter, or a hearing party joining by a one-time link). Each pair of parties has its own
 * peer connection (a mesh of three); {@link #offersTo} says which end of a pair makes the offer.
 */
public enum CallParty {
  CITIZEN,
  OPERATOR,
  GUEST;

  /**
   * The offering end of a pair: the operator offers to everyone, the guest to the citizen; the
   * citizen only answers (as it did before there were guests).
   */
  public boolean offersTo(CallParty other) {
    return this != other && (this == OPERATOR || this == GUEST && other == CITIZEN);
  }

  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** {@code citizen}, {@code operator} or {@code guest}; anything else is invalid input. */
  public static CallParty of(Object code) {
    for (CallParty party : values()) {
      if (party.code().equals(code)) {
        return party;
      }
    }
    throw new InvalidInputException("to must be 'citizen', 'operator' or 'guest'");
  }
}
