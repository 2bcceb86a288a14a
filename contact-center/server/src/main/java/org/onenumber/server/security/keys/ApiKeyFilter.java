package org.onenumber.server.security.keys;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.onenumber.server.api.ApiError;

/**
 * Checks an {@code X-Api-Key} header on the operations some scope opens, before Micronaut
 * Security: 401 for an unknown or revoked key, 403 out of the key's scopes, 429 with {@code
 * Retry-After} over its limit, all as JSON errors; an accepted key is left in the request for
 * {@link ApiKeyAuthenticationFetcher}. Elsewhere a key is not looked at, so it authenticates nothing
 * there (the call is anonymous). Runs on the blocking pool: the check reads the key and appends to
 * the audit log.
 */
@ServerFilter({"/api/v1/contacts", "/open311/v2/requests.*", "/api/v1/cases/*", "/api/v1/departments/*/cases"})
final class ApiKeyFilter implements Ordered {

  /** The header a key is presented in. */
  static final String HEADER = "X-Api-Key";
  /** The request attribute holding the accepted {@link ApiKey}. */
  static final String ACCEPTED = "onenumber.api-key";

  private final ApiKeyGate gate;
  private final HttpClientAddressResolver addresses;

  ApiKeyFilter(ApiKeyGate gate, HttpClientAddressResolver addresses) {
    this.gate = gate;
    this.addresses = addresses;
  }

  @Override
  public int getOrder() {
    return ServerFilterPhase.SECURITY.before();
  }

  @RequestFilter
  @ExecuteOn(TaskExecutors.BLOCKING)
  @Nullable
  HttpResponse<?> check(HttpRequest<?> request) {
    String presented = request.getHeaders().get(HEADER);
    if (presented == null) {
      return null;
    }
    String method = request.getMethodName();
    String path = request.getPath();
    KeyDecision decision = gate.check(presented, ApiKeyScope.forOperation(method, path).orElse(null), method, path,
        addresses.resolve(request));
    return switch (decision) {
      case KeyDecision.Accepted accepted -> {
        request.setAttribute(ACCEPTED, accepted.key());
        yield null;
      }
      case KeyDecision.Unknown u -> refuse(HttpStatus.UNAUTHORIZED, "unauthorized", "the API key is not valid");
      case KeyDecision.Revoked r -> refuse(HttpStatus.UNAUTHORIZED, "unauthorized", "the API key was revoked");
      case KeyDecision.OutOfScope o -> refuse(HttpStatus.FORBIDDEN, "forbidden", o.needed() == null
          ? "API keys may not call this operation" : "the API key lacks the scope " + o.needed().scope());
      case KeyDecision.Limited l -> HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
          .header("Retry-After", Long.toString(l.retryAfterSeconds()))
          .body(new ApiError("rate_limited", "too many requests with this API key; retry after "
              + l.retryAfterSeconds() + " s"));
    };
  }

  private static HttpResponse<?> refuse(HttpStatus status, String error, String message) {
    return HttpResponse.status(status).body(new ApiError(error, message));
  }
}
