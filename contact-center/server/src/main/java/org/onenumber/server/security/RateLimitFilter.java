package org.onenumber.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import java.util.OptionalLong;
import org.onenumber.server.api.ApiError;

/**
 * Applies {@link RateLimits} per source address to the anonymous doors: contact intake, login,
 * new chat and call sockets (one budget per address for both), public case tracking and the public
 * transparency figures. Over the
 * limit the caller gets 429 with {@code Retry-After} and a JSON error; nothing behind the door
 * runs. The address is the one {@link HttpClientAddressResolver} gives ({@link ClientAddresses}: behind
 * a balancer listed in {@code onenumber.trusted-proxies}, the client's from {@code X-Forwarded-For}). A request presenting an API key ({@code
 * X-Api-Key}) is left to the key's own limit ({@code security.keys.ApiKeyGate}).
 */
@ServerFilter({"/api/v1/contacts", "/login", "/ws/chat", "/ws/call", "/api/v1/track", "/api/v1/track/reopen",
    "/api/v1/track/rating", "/api/v1/track/access-log", "/api/v1/track/attachments/*", "/api/v1/transparency"})
final class RateLimitFilter {

  private final RateLimits limits;
  private final HttpClientAddressResolver addresses;

  RateLimitFilter(RateLimits limits, HttpClientAddressResolver addresses) {
    this.limits = limits;
    this.addresses = addresses;
  }

  @RequestFilter
  @Nullable
  HttpResponse<?> limit(HttpRequest<?> request) {
    RateLimits.Rule rule = ruleFor(request);
    if (rule == null || rule == RateLimits.Rule.INTAKE && request.getHeaders().contains("X-Api-Key")) {
      return null;
    }
    String address = addresses.resolve(request);
    OptionalLong wait = limits.take(rule, address == null ? "unknown" : address);
    if (wait.isEmpty()) {
      return null;
    }
    return HttpResponse.status(HttpStatus.TOO_MANY_REQUESTS)
        .header("Retry-After", Long.toString(wait.getAsLong()))
        .body(new ApiError("rate_limited", "too many requests from this address; retry after "
            + wait.getAsLong() + " s"));
  }

  private static RateLimits.Rule ruleFor(HttpRequest<?> request) {
    String path = request.getPath();
    HttpMethod method = request.getMethod();
    if (method == HttpMethod.POST && path.equals("/api/v1/contacts")) {
      return RateLimits.Rule.INTAKE;
    }
    if (method == HttpMethod.POST && path.equals("/login")) {
      return RateLimits.Rule.LOGIN;
    }
    if (method == HttpMethod.GET && (path.equals("/ws/chat") || path.equals("/ws/call"))) {
      return RateLimits.Rule.CHAT;
    }
    if (method == HttpMethod.POST && path.startsWith("/api/v1/track")) {
      return RateLimits.Rule.TRACK;
    }
    if (method == HttpMethod.GET && path.equals("/api/v1/transparency")) {
      return RateLimits.Rule.TRANSPARENCY;
    }
    return null;
  }
}
