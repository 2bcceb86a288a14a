package org.onenumber.core.welfare;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * What a senior (or their guardian) agreed to, by scope, and who recorded it when. Without
 * {@code calls} the program does not call; without {@code sms} it sends no text; without
 * {@code sharing} nothing about the senior reaches volunteers; without {@code emergencyContact}
 * the emergency contact is not told of an escalation.
 *
 * @param givenBy who gave the consent (the senior, a guardian, a welfare worker's record)
 */
public record WelfareConsent(boolean calls, boolean sms, boolean sharing, boolean emergencyContact,
    String givenBy, Instant givenAt) {
  public WelfareConsent {
    InvalidInputException.requireText(givenBy, "consent given by");
    InvalidInputException.require(givenAt, "consent given at");
    if (givenBy.length() > 200) {
      throw new InvalidInputException("consent given by is longer than 200 characters");
    }
  }
}
