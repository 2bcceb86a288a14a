package org.onenumber.core.citizen;

import org.onenumber.core.error.InvalidInputException;

/** Identifies a {@link Citizen}. */
public record CitizenId(String value) {
  public CitizenId {
    InvalidInputException.requireText(value, "citizenId");
  }

  @Override
  public String toString() {
    return value;
  }
}
