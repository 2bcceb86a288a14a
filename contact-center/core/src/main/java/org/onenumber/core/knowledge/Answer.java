package org.onenumber.core.knowledge;

import java.time.Instant;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.InvalidInputException;

/**
 * A knowledge article at one version. Immutable: every change returns a new answer with the
 * version increased by one, the author and the instant. Thread-safe as a value.
 *
 * @param version 1 for a new draft, increased by every change
 */
public record Answer(
    AnswerId id,
    AnswerContent content,
    ReviewStatus status,
    int version,
    String author,
    Instant changedAt) {

  public Answer {
    InvalidInputException.require(id, "answer id");
    InvalidInputException.require(content, "content");
    InvalidInputException.require(status, "status");
    InvalidInputException.requireText(author, "author");
    InvalidInputException.require(changedAt, "changedAt");
    if (version < 1) {
      throw new InvalidInputException("version must be >= 1");
    }
  }

  /** A new draft at version 1. */
  public static Answer draft(AnswerId id, AnswerContent content, String author, Instant at) {
    return new Answer(id, content, ReviewStatus.DRAFT, 1, author, at);
  }

  /**
   * Replaces the content.
   *
   * @throws IllegalTransitionException when the answer is not a draft
   */
  public Answer edit(AnswerContent newContent, String by, Instant at) {
    if (!status.isEditable()) {
      throw new IllegalTransitionException("answer " + id + " (edit)", status, ReviewStatus.DRAFT);
    }
    return new Answer(id, newContent, status, version + 1, by, at);
  }

  /**
   * Moves to {@code next}.
   *
   * @throws IllegalTransitionException when the state machine has no such edge
   */
  public Answer moveTo(ReviewStatus next, String by, Instant at) {
    if (!status.canMoveTo(next)) {
      throw new IllegalTransitionException("answer " + id, status, next);
    }
    return new Answer(id, content, next, version + 1, by, at);
  }

  /** True when operators should find it at {@code at}: published and inside its validity. */
  public boolean isLiveAt(Instant at) {
    return status == ReviewStatus.PUBLISHED && content.validity().contains(at);
  }

  public String title() {
    return content.title();
  }
}
