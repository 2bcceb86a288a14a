package org.onenumber.core.welfare;

import org.onenumber.core.error.InvalidInputException;

/** The program's id of an enrolled senior, such as {@code S-000123}. */
public record SeniorId(String value) {
  public SeniorId {
    InvalidInputException.requireText(value, "senior id");
    if (value.length() > 64) {
      throw new InvalidInputException("senior id is longer than 64 characters");
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
