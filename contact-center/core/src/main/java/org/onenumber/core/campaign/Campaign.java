package org.onenumber.core.campaign;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * A campaign: {@code text} to {@code audience} from {@code sendAt}, at most {@code perSecond}
 * messages a second. {@code state} is SCHEDULED until its first message, SENDING, then DONE.
 */
public record Campaign(String id, String name, String text, Audience audience, Instant sendAt, int perSecond,
    State state, String createdBy, Instant createdAt) {

  /** Where a campaign is. */
  public enum State { SCHEDULED, SENDING, DONE }

  public static final int MAX_TEXT = 480;
  public static final int MAX_PER_SECOND = 100;

  public Campaign {
    InvalidInputException.requireText(id, "id");
    InvalidInputException.requireText(name, "name");
    InvalidInputException.requireText(text, "text");
    InvalidInputException.require(audience, "audience");
    InvalidInputException.require(sendAt, "sendAt");
    InvalidInputException.require(state, "state");
    if (name.length() > 200) {
      throw new InvalidInputException("name is at most 200 characters");
    }
    if (text.length() > MAX_TEXT) {
      throw new InvalidInputException("text is at most " + MAX_TEXT + " characters");
    }
    if (perSecond < 1 || perSecond > MAX_PER_SECOND) {
      throw new InvalidInputException("perSecond is 1.." + MAX_PER_SECOND);
    }
  }
}
