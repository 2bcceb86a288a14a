package org.onenumber.server.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Map;

/**
 * Headers every response carries: no MIME sniffing, no framing (except the citizen chat, which city
 * pages embed through {@code widget.js}), no referrer, and {@code Cache-Control: no-store} on logins
 * and API answers, which carry tokens and citizens' data that no browser or proxy cache may keep.
 * A header a controller set itself (the pages' CSP and caching) is left as it is.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public final class SecurityHeadersFilter {

  /** No MIME sniffing, no referrer: on every answer, also those written outside Micronaut (Twilio webhooks). */
  public static final Map<String, String> EVERY_ANSWER = Map.of("X-Content-Type-Options", "nosniff",
      "Referrer-Policy", "no-referrer");
  /** No framing: on every answer but the citizen chat's pages. */
  public static final Map.Entry<String, String> NO_FRAMING = Map.entry("X-Frame-Options", "DENY");

  @ResponseFilter
  void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
    String path = request.getPath();
    EVERY_ANSWER.forEach((name, value) -> set(response, name, value));
    if (!path.startsWith("/chat/")) {
      set(response, NO_FRAMING.getKey(), NO_FRAMING.getValue());
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
