package org.onenumber.core.knowledge;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/**
 * One entry of an answer's history: the answer as it was after a change, who made it and when.
 *
 * @param change a short word for what happened: {@code created}, {@code edited}, {@code published}, ...
 */
public record AnswerVersion(Answer answer, String change) {

  public AnswerVersion {
    InvalidInputException.require(answer, "answer");
    InvalidInputException.requireText(change, "change");
  }

  public AnswerId id() {
    return answer.id();
  }

  public int version() {
    return answer.version();
  }

  public String author() {
    return answer.author();
  }

  public Instant at() {
    return answer.changedAt();
  }
}
