package org.onenumber.server.api;

import io.micronaut.http.HttpStatus;
import org.onenumber.core.casework.attachment.AttachmentTooLargeException;
import org.onenumber.core.error.IllegalTransitionException;
import org.onenumber.core.error.NotFoundException;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.error.VersionConflictException;
import org.onenumber.server.admission.IntakeShedException;

/**
 * The HTTP status of each domain failure, for {@link OneNumberExceptionHandler} and for the raw
 * Netty webhook handler that answers without Micronaut: not found → 404, illegal transition → 409,
 * version conflict → 409, any other permanent failure → 400, retriable → 503 with {@code
 * Retry-After} ({@link #retryAfterSeconds}).
 */
public final class ErrorStatus {

  private ErrorStatus() {}

  public static HttpStatus of(OneNumberException exception) {
    return switch (exception) {
      case NotFoundException e -> HttpStatus.NOT_FOUND;
      case IllegalTransitionException e -> HttpStatus.CONFLICT;
      case VersionConflictException e -> HttpStatus.CONFLICT;
      case AttachmentTooLargeException e -> HttpStatus.REQUEST_ENTITY_TOO_LARGE;
      // a refusal relayed from the cluster's routing owner keeps the owner's status (issue 11)
      case PermanentException e when "not_found".equals(e.code()) -> HttpStatus.NOT_FOUND;
      case PermanentException e when "illegal_transition".equals(e.code()) -> HttpStatus.CONFLICT;
      // a late accept (the offer rang out) or a wrap-up after the citizen hung up (issue 17)
      case PermanentException e when "offer_gone".equals(e.code()) || "already_closed".equals(e.code()) ->
          HttpStatus.CONFLICT;
      case PermanentException e -> HttpStatus.BAD_REQUEST;
      case RetriableException e -> HttpStatus.SERVICE_UNAVAILABLE;
    };
  }

  /** The {@code Retry-After} of a 503: admission control's own for shed intake, else the outage advice. */
  public static int retryAfterSeconds(OneNumberException exception, RetryAdvice retry) {
    return exception instanceof IntakeShedException shed ? shed.retryAfterSeconds() : retry.seconds();
  }
}
