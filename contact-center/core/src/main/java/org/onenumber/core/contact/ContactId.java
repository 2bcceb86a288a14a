package org.onenumber.core.contact;

import org.onenumber.core.error.InvalidInputException;

/** Identifies a {@link Contact}: a time-ordered UUID string (see {@code Ids}). */
public record ContactId(String value) {
  public ContactId {
    InvalidInputException.requireText(value, "contactId");
  }

  @Override
  public String toString() {
    return value;
  }
}
