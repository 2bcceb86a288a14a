package org.onenumber.server.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.JsonErrorResponseBodyProvider;
import jakarta.inject.Singleton;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.onenumber.core.error.OneNumberException;

/**
 * Gives every JSON error response, including Micronaut's own (malformed JSON, unknown route,
 * missing login), the body {@code {"error": code, "message": text}}. The code is the domain
 * exception's code when there is one, else derived from the status ({@code bad_request}). An
 * unexpected server error says only that (Micronaut logs the cause); its internals never reach
 * the client. A request Micronaut could not read (a value of the wrong type, an unknown enum name,
 * malformed JSON) is answered without the value sent and without class names: the argument's name
 * and, for an enum, the values it accepts ({@code PublicInputsPropertyIT} found the serde message
 * quoting the caller's input and naming the Java type).
 */
@Singleton
@Replaces(JsonErrorResponseBodyProvider.class)
final class ApiErrorBodies implements JsonErrorResponseBodyProvider<ApiError> {

  private static final Pattern EXPECTED = Pattern.compile("Expected one of \\[[^\\]]*\\]");

  @Override
  public @NonNull ApiError body(@NonNull ErrorContext context, @NonNull HttpResponse<?> response) {
    HttpStatus status = response.status();
    String code = context.getRootCause()
        .filter(OneNumberException.class::isInstance)
        .map(e -> ((OneNumberException) e).code())
        .orElse(status.name().toLowerCase(Locale.ROOT));
    boolean internal = status.getCode() >= 500 && !(context.getRootCause().orElse(null) instanceof OneNumberException);
    String message = internal || context.getErrors().isEmpty()
        ? status.getReason() : readable(context, context.getErrors().get(0).getMessage());
    return new ApiError(code, message);
  }

  /** The message, unless it comes from reading the request: then one that repeats nothing sent. */
  private static String readable(ErrorContext context, String message) {
    Throwable cause = context.getRootCause().orElse(null);
    if (cause == null || cause instanceof OneNumberException) {
      return message;
    }
    if (cause instanceof ConversionErrorException conversion) {
      Matcher expected = EXPECTED.matcher(message == null ? "" : message);
      return "[" + conversion.getArgument().getName() + "] could not be read: "
          + (expected.find() ? expected.group().toLowerCase(Locale.ROOT).charAt(0) + expected.group().substring(1)
              : "a value has the wrong type or format");
    }
    String type = cause.getClass().getName();
    if (type.contains("Json") || type.contains("Serde") || type.contains("Codec")) {
      return "the request body could not be read: malformed JSON or a value of the wrong type";
    }
    return message;
  }
}
