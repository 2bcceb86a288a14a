package org.onenumber.core.event;

import java.time.Instant;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.ReviewStatus;

/**
 * An answer was created, edited, imported or moved along its review.
 *
 * @param change {@code created}, {@code edited}, {@code imported}, or the new status in lower case
 */
public record AnswerChanged(
    AnswerId answerId, int version, ReviewStatus status, String change, String author, Instant at)
    implements DomainEvent {
  @Override
  public String type() {
    return "answer.changed";
  }
}
