package org.onenumber.core.port.out;

import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.directory.Language;
import org.onenumber.core.error.InvalidInputException;

/**
 * A call the city places ({@link CallControl#originate}).
 *
 * @param script what the call plays: {@code welfare-check-in} (press 1 / press 2)
 * @param slow repeat the prompt slowly (the senior's care notes ask for it)
 * @param attempt which call of the same contact this is (1 for the first): the carrier's reports name it, so
 *     a late report of an earlier call is told apart from the current one's
 */
public record OutboundCall(ContactId contact, CitizenIdentity.Phone to, Language language, String script,
    boolean slow, int attempt) {
  public OutboundCall {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.require(to, "to");
    InvalidInputException.require(language, "language");
    InvalidInputException.requireText(script, "script");
    if (attempt < 1) {
      throw new InvalidInputException("a call's attempt starts at 1");
    }
  }

  /** The first (or only) call of {@code contact}. */
  public OutboundCall(ContactId contact, CitizenIdentity.Phone to, Language language, String script, boolean slow) {
    this(contact, to, language, script, slow, 1);
  }
}
