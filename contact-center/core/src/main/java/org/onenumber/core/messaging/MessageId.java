package org.onenumber.core.messaging;

import org.onenumber.core.error.InvalidInputException;

/** Identifies a {@link Message}: a time-ordered UUID string, so ids sort in creation order. */
public record MessageId(String value) {
  public MessageId {
    InvalidInputException.requireText(value, "messageId");
  }

  @Override
  public String toString() {
    return value;
  }
}
