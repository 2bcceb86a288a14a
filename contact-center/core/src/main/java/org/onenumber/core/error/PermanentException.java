package org.onenumber.core.error;

/** A failure that the same command will hit again: the caller must change something. */
public non-sealed class PermanentException extends OneNumberException {

  public PermanentException(String code, String message) {
    super(code, message, null);
  }

  public PermanentException(String code, String message, Throwable cause) {
    super(code, message, cause);
  }
}
