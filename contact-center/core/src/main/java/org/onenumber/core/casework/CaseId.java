package org.onenumber.core.casework;

import org.onenumber.core.error.InvalidInputException;

/** Identifies a {@link Case}; also the number told to the citizen, such as {@code C-20261123-0042}. */
public record CaseId(String value) {
  public CaseId {
    InvalidInputException.requireText(value, "caseId");
  }

  @Override
  public String toString() {
    return value;
  }
}
