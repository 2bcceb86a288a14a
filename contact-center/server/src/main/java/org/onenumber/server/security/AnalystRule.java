package org.onenumber.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecuredAnnotationRule;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.rules.SecurityRuleResult;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.RouteMatch;
import jakarta.inject.Singleton;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * An analyst reads analytics and anonymised aggregates, never a citizen's identity: whatever an
 * endpoint's own rule says, an analyst's call is refused (403) unless it is a read under
 * {@value #ANALYTICS}, a call to the reform board ({@value #REFORM}), the end of their own session
 * ({@value #SESSION}: logout) or an operation open to anyone ({@code @Secured(isAnonymous())}: the intake, public pages' reads), which an analyst may
 * use like any citizen; there the endpoint's {@code @Secured} decides as for anyone. Runs before
 * {@link SecuredAnnotationRule}, so an endpoint open to every signed-in account
 * ({@code isAuthenticated()}) stays closed to analysts.
 */
@Singleton
final class AnalystRule implements SecurityRule<HttpRequest<?>> {

  static final String ANALYTICS = "/api/v1/analytics/";
  static final String REFORM = "/api/v1/reform/";
  static final String SESSION = "/api/v1/session/";

  @Override
  public Publisher<SecurityRuleResult> check(@Nullable HttpRequest<?> request, @Nullable Authentication who) {
    if (request == null || who == null || !who.getRoles().contains(Role.ANALYST.name())) {
      return Mono.just(SecurityRuleResult.UNKNOWN);
    }
    String path = request.getPath();
    boolean allowed = !path.startsWith("/api/") || path.startsWith(REFORM) || path.startsWith(SESSION)
        || path.startsWith(ANALYTICS) && request.getMethod() == HttpMethod.GET || openToAnyone(request);
    return Mono.just(allowed ? SecurityRuleResult.UNKNOWN : SecurityRuleResult.REJECTED);
  }

  /** The matched operation's own rule lets anyone in (anonymous). */
  static boolean openToAnyone(HttpRequest<?> request) {
    return RouteAttributes.getRouteMatch(request).map(RouteMatch::getAnnotationMetadata)
        .filter(m -> m.hasStereotype(Secured.class))
        .map(m -> java.util.Arrays.asList(m.stringValues(Secured.class)).contains(SecurityRule.IS_ANONYMOUS))
        .orElse(false);
  }

  @Override
  public int getOrder() {
    return SecuredAnnotationRule.ORDER - 100;
  }
}
