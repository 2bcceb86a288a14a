package org.onenumber.core.analytics;

import org.onenumber.core.error.InvalidInputException;

/** A classifier's guess: a label (a complaint type code) and its share of the vote, 0..1. */
public record CategoryGuess(String label, double score) {

  public CategoryGuess {
    InvalidInputException.requireText(label, "label");
    if (!(score >= 0 && score <= 1)) {
      throw new InvalidInputException("score must be within 0..1");
    }
  }
}
