package org.onenumber.core.casework;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/** One status of a case: when it began, who set it, and an optional note to the file. */
public record CaseStatusChange(CaseStatus status, Instant at, String author, String note) {
  public CaseStatusChange {
    InvalidInputException.require(status, "status");
    InvalidInputException.require(at, "at");
    InvalidInputException.requireText(author, "author");
  }
}
