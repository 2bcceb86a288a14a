package org.onenumber.server.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Headers every response carries: no MIME sniffing, no framing (except the citizen chat, which city
 * pages embed through {@code widget.js}), no referrer, and {@code Cache-Control: no-store} on logins
 * and API answers, which carry tokens and citizens' data that no browser or proxy cache may keep.
 * A header a controller set itself (the pages' CSP and caching) is left as it is.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class SecurityHeadersFilter {

  @ResponseFilter
  void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = request.getPath();
    set(response, "X-Content-Type-Options", "nosniff");
    set(response, "Referrer-Policy", "no-referrer");
    if (!path.startsWith("/chat/")) {
      set(response, "X-Frame-Options", "DENY");
    }
    if (path.equals("/login") || path.startsWith("/oauth/") || path.startsWith("/api/")) {
      response.getHeaders().set("Cache-Control", "no-store");
    }
  }

  private static void set(MutableHttpResponse<?> response, String name, String value) {
    if (!response.getHeaders().contains(name)) {
      response.getHeaders().set(name, value);
    }
  }
}
