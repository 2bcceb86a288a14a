package org.onenumber.core.error;

/** A command or value failed validation; the message says which field and why. */
public final class InvalidInputException extends PermanentException {

  public InvalidInputException(String message) {
    super("invalid_input", message);
  }

  /** Returns {@code value} or throws when it is null or blank. */
  public static String requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field + " is required");
    }
    return value;
  }

  /** Returns {@code value} or throws when it is null. */
  public static <T> T require(T value, String field) {
    if (value == null) {
      throw new InvalidInputException(field + " is required");
    }
    return value;
  }
}
