package org.onenumber.server.admission;

import org.onenumber.core.error.RetriableException;

/**
 * Intake refused at once because its kind's in-flight limit is reached: nothing was started and
 * nothing stored, so the sender may simply retry after {@link #retryAfterSeconds()} (503 with
 * {@code Retry-After}; on a chat socket an {@code unavailable} error frame with {@code retryAfter}).
 */
public final class IntakeShedException extends RetriableException {

  private final transient IntakeKind kind;
  private final int retryAfterSeconds;

  IntakeShedException(IntakeKind kind, int retryAfterSeconds) {
    super("the server is busy with " + kind.key() + "; retry after " + retryAfterSeconds + " s", null);
    this.kind = kind;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public IntakeKind kind() {
    return kind;
  }

  public int retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
