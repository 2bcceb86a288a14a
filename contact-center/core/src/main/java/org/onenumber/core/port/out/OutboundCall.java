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
 */
public record OutboundCall(ContactId contact, CitizenIdentity.Phone to, Language language, String script,
    boolean slow) {
  public OutboundCall {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.require(to, "to");
    InvalidInputException.require(language, "language");
    InvalidInputException.requireText(script, "script");
  }
}
