package org.onenumber.core.welfare;

import org.onenumber.core.error.InvalidInputException;

/** The id of one attempt to reach a senior (a time-ordered UUID). */
public record AttemptId(String value) {
  public AttemptId {
    InvalidInputException.requireText(value, "attempt id");
  }

  @Override
  public String toString() {
    return value;
  }
}
