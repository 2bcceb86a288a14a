package org.onenumber.core.error;

/** Root of every failure OneNumber raises on purpose. Carries a stable machine-readable code. */
public abstract sealed class OneNumberException extends RuntimeException
    permits PermanentException, RetriableException {

  private final String code;

  protected OneNumberException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = code;
  }

  /** A short stable identifier such as {@code not_found} or {@code illegal_transition}. */
  public String code() {
    return code;
  }
}
