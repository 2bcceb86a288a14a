package org.onenumber.server.security.keys;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.AuthenticationFetcher;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reactivestreams.Publisher;

/**
 * The {@code Authentication} of a request whose API key {@link ApiKeyFilter} accepted: named
 * {@code apikey:<id>}, with the role {@value ApiKeyGate#ROLE} first and then the key's scopes as
 * roles, and the key's department (if any) as the {@code department} attribute. Nothing for any
 * other request, so the bearer token fetcher decides those.
 */
@Singleton
final class ApiKeyAuthenticationFetcher implements AuthenticationFetcher<HttpRequest<?>> {

  @Override
  public int getOrder() {
    return HIGHEST_PRECEDENCE;
  }

  @Override
  public Publisher<Authentication> fetchAuthentication(HttpRequest<?> request) {
    return request.getAttribute(ApiKeyFilter.ACCEPTED, ApiKey.class)
        .map(key -> Publishers.just(authentication(key)))
        .orElseGet(Publishers::empty);
  }

  static Authentication authentication(ApiKey key) {
    List<String> roles = new ArrayList<>();
    roles.add(ApiKeyGate.ROLE);
    key.scopes().stream().map(ApiKeyScope::scope).sorted().forEach(roles::add);
    Map<String, Object> attributes = new HashMap<>();
    attributes.put("apiKey", key.id());
    if (key.department() != null) {
      attributes.put("department", key.department());
    }
    return Authentication.build(key.actor(), roles, attributes);
  }
}
