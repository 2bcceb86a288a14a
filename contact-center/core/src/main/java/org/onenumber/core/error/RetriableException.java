package org.onenumber.core.error;

/** A failure of a dependency (database, gateway) that may pass: the command may be retried. */
public non-sealed class RetriableException extends OneNumberException {

  public RetriableException(String message, Throwable cause) {
    super("unavailable", message, cause);
  }
}
