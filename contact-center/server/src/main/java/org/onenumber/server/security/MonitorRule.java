package org.onenumber.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * A citizen monitoring member (role {@code MONITOR}) is a citizen with a login: whatever an
 * endpoint's own rule says, their call is refused (403) unless it is under {@value #OWN} (their
 * own observations and mileage), the logout of their own session ({@link AnalystRule#SESSION}) or
 * an operation open to anyone, which they use like any citizen.
 * Runs before {@link SecuredAnnotationRule}, so an endpoint open to every signed-in account
 * ({@code isAuthenticated()}) stays closed to them.
 */
@Singleton
final class MonitorRule implements SecurityRule<HttpRequest<?>> {

  static final String OWN = "/api/v1/monitoring/";

  @Override
  public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication who) {
    if (request == null || who == null || !who.getRoles().contains(Role.MONITOR.name())) {
      return Mono.just(SecurityRuleResult.UNKNOWN);
    }
    String path = request.getPath();
    boolean allowed = !path.startsWith("/api/") || path.startsWith(OWN) || path.startsWith(AnalystRule.SESSION)
        || AnalystRule.openToAnyone(request);
    return Mono.just(allowed ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
  }

  @Override
  public int getOrder() {
    return SecuredAnnotationRule.ORDER - 100;
  }
}
