package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.InvalidInputException;

/**
 * A citizen answered the post-contact survey: whether the request was resolved, and a
 * satisfaction score from 1 (very unhappy) to 5 (very happy).
 */
public record SurveyAnswered(ContactId contact, boolean resolved, int score, Instant at) implements DomainEvent {

  public SurveyAnswered {
    InvalidInputException.require(contact, "contact");
    InvalidInputException.require(at, "at");
    if (score < 1 || score > 5) {
      throw new InvalidInputException("survey score is 1 to 5, got " + score);
    }
  }

  @Override
  public String type() {
    return "survey.answered";
  }
}
