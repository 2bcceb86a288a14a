package org.onenumber.server.api;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import org.onenumber.core.error.OneNumberException;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.admission.IntakeShedException;
import org.onenumber.core.error.VersionConflictException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps the domain's failures to HTTP: not found → 404, illegal transition → 409, version conflict →
 * 409 with the current version in {@code X-Current-Version} and the message, any other
 * permanent failure → 400, retriable → 503 with {@code Retry-After} ({@link RetryAdvice}; logged,
 * since a dependency is down); intake shed by admission control → 503 with its own {@code Retry-After},
 * not logged (counted by {@code onenumber.admission.shed}). A 503 means nothing was acknowledged: Twilio retries it, and the
 * retry of a message already stored is recognised by its provider id.
 */
@Produces
@Singleton
final class OneNumberExceptionHandler implements ExceptionHandler<OneNumberException, HttpResponse<?>> {

  /** Sent with a version conflict (409): the version the record is at now. */
  static final String CURRENT_VERSION = "X-Current-Version";

  private static final Logger LOG = LoggerFactory.getLogger(OneNumberExceptionHandler.class);

  private final ErrorResponseProcessor<?> errors;

  private final RetryAdvice retry;

  OneNumberExceptionHandler(ErrorResponseProcessor<?> errors, RetryAdvice retry) {
    this.errors = errors;
    this.retry = retry;
  }

  @Override
  public HttpResponse<?> handle(HttpRequest request, OneNumberException exception) {
    HttpStatus status = ErrorStatus.of(exception);
    if (exception instanceof RetriableException && !(exception instanceof IntakeShedException)) {
      LOG.warn("{} {} failed: {}", request.getMethod(), request.getPath(), exception.getMessage());
    }
    var response = HttpResponse.status(status);
    if (exception instanceof VersionConflictException e) {
      response.header(CURRENT_VERSION, Long.toString(e.currentVersion()));
    }
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      response.header(HttpHeaders.RETRY_AFTER, Integer.toString(ErrorStatus.retryAfterSeconds(exception, retry)));
    }
    return errors.processResponse(ErrorContext.builder(request).cause(exception)
        .errorMessage(exception.getMessage()).build(), response);
  }
}
