package org.onenumber.core.knowledge;

import org.onenumber.core.error.InvalidInputException;

/** The identity of an answer inside OneNumber (a time-ordered UUID string). */
public record AnswerId(String value) {

  public AnswerId {
    InvalidInputException.requireText(value, "answer id");
  }

  @Override
  public String toString() {
    return value;
  }
}
