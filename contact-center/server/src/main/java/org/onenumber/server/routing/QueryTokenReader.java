package org.onenumber.server.routing;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.reader.TokenReader;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Reads the JWT from {@code ?token=} on WebSocket upgrades under {@code /ws/}: browsers cannot set
 * an Authorization header on a WebSocket. Nowhere else, so tokens stay out of ordinary URLs.
 */
@Singleton
final class QueryTokenReader implements TokenReader<HttpRequest<?>> {

  @Override
  public Optional<String> findToken(HttpRequest<?> request) {
    if (!request.getPath().startsWith("/ws/")) {
      return Optional.empty();
    }
    return request.getParameters().getFirst("token");
  }

  @Override
  public int getOrder() {
    return LOWEST_PRECEDENCE;
  }
}
