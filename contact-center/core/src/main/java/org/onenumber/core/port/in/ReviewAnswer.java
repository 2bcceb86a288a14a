package org.onenumber.core.port.in;

import org.onenumber.core.knowledge.Answer;
import org.onenumber.core.knowledge.AnswerId;
import org.onenumber.core.knowledge.ReviewStatus;

/**
 * Moves an answer along its review: submit a draft for review, publish, send back to draft,
 * expire, archive. Who may do which move is decided by the caller (the HTTP layer's roles).
 */
public interface ReviewAnswer {

  /**
   * @throws org.onenumber.core.error.IllegalTransitionException when the state machine has no such edge
   * @throws org.onenumber.core.error.NotFoundException when there is no such answer
   */
  Answer moveTo(AnswerId id, ReviewStatus next, String author);

  /** Expires every published answer whose validity has ended; returns how many. */
  int expireDue(String author);
}
