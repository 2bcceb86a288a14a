package org.onenumber.server.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import java.util.Locale;
import org.onenumber.core.error.OneNumberException;

/**
 * Gives every JSON error response, including Micronaut's own (malformed JSON, unknown route,
 * missing login), the body {@code {"error": code, "message": text}}. The code is the domain
 * exception's code when there is one, else derived from the status ({@code bad_request}). An
 * unexpected server error says only that (Micronaut logs the cause); its internals never reach
 * the client.
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ApiErrorBodies implements JsonErrorResponseBodyProvider<ApiError> {

  @Override
  public @NonNull ApiError body(@NonNull ErrorContext context, @NonNull HttpResponse<?> response) {
    HttpStatus status = response.status();
    String code = context.getRootCause()
        .filter(OneNumberException.class::isInstance)
        .map(e -> ((OneNumberException) e).code())
        .orElse(status.name().toLowerCase(Locale.ROOT));
    boolean internal = status.getCode() >= 500 && !(context.getRootCause().orElse(null) instanceof OneNumberException);
    String message = internal || context.getErrors().isEmpty()
        ? status.getReason() : context.getErrors().get(0).getMessage();
    return new ApiError(code, message);
  }
}
