package org.onenumber.knowledge.classify;

import java.time.Instant;
import org.onenumber.core.error.InvalidInputException;

/** One message of the history with its label (a complaint type) and when it arrived (may be null). */
public record LabelledMessage(String label, String text, Instant at) {

  public LabelledMessage {
    InvalidInputException.requireText(label, "label");
    InvalidInputException.requireText(text, "text");
  }
}
