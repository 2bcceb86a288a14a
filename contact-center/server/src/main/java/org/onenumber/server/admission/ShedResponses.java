package org.onenumber.server.admission;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * The answer to a shed intake request (503, {@code Retry-After}, the JSON error {@code unavailable}),
 * built by the controller itself (issue 17). Thrown, the refusal went through Micronaut's error
 * route: at New York's record day at 100×, when most requests were shed, 1,328 request threads
 * were blocked there at once on the bean context's candidate cache (every exception handler's key
 * shares one hash bin), so a shed request cost more than the work it spared. The same answer as
 * {@code OneNumberExceptionHandler} gives the thrown {@link IntakeShedException}. Thread-safe.
 */
@Singleton
public final class ShedResponses {

  private final ErrorResponseProcessor<?> errors;

  ShedResponses(ErrorResponseProcessor<?> errors) {
    this.errors = errors;
  }

  /** The 503 for {@code shed} (its {@code Retry-After}, its message). */
  public HttpResponse<?> of(HttpRequest<?> request, IntakeShedException shed) {
    var response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, Integer.toString(shed.retryAfterSeconds()));
    return errors.processResponse(ErrorContext.builder(request).cause(shed).errorMessage(shed.getMessage()).build(),
        response);
  }
}
