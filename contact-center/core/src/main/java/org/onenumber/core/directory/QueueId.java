package org.onenumber.core.directory;

import org.onenumber.core.error.InvalidInputException;

/** Identifies a {@link Queue}; a readable code such as {@code general-ko}. */
public record QueueId(String value) {
  public QueueId {
    InvalidInputException.requireText(value, "queueId");
  }

  @Override
  public String toString() {
    return value;
  }
}
