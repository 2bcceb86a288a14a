package org.onenumber.server.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.generator.AccessRefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.core.error.InvalidInputException;

/**
 * Logout and refresh of a login's access token. Both take the caller's current token in the body
 * as well as in the {@code Authorization} header (an explicit confirmation, as in RFC 7009's
 * revocation request) and revoke it ({@link TokenRevocations}): every later request with it is 401.
 * Refresh answers a new token for the same login, roles and department/agent, with the lifetime
 * {@code micronaut.security.token.generator.access-token.expiration} names (seconds), and
 * {@code Cache-Control: no-store}.
 */
@Controller("/api/v1/session")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "login")
final class SessionController {

  private final TokenRevocations revocations;
  private final AccessRefreshTokenGenerator tokens;

  SessionController(TokenRevocations revocations, AccessRefreshTokenGenerator tokens) {
    this.revocations = revocations;
    this.tokens = tokens;
  }

  /** The token being given up: the same as the one in the Authorization header. */
  @Serdeable
  record TokenRequest(@Nullable String token) {}

  /** A new access token, as {@code POST /login} answers it. */
  @Serdeable
  record NewToken(String access_token, String token_type, Integer expires_in) {}

  @Post("/logout")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "Log out: revoke the caller's current access token (given again in the body)")
  HttpResponse<Void> logout(@Body TokenRequest body, HttpRequest<?> request, Authentication who) {
    revokeCurrent(body, request, who);
    return HttpResponse.<Void>noContent().header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Post("/refresh")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "Refresh: a new access token for the same login; the current one (given in the body) is revoked")
  HttpResponse<NewToken> refresh(@Body TokenRequest body, HttpRequest<?> request, Authentication who) {
    confirm(body, request);
    Map<String, Object> attributes = new HashMap<>(who.getAttributes());
    Claims.ALL_CLAIMS.forEach(attributes::remove);
    attributes.remove("roles");
    AccessRefreshToken fresh = tokens.generate(Authentication.build(who.getName(), who.getRoles(), attributes))
        .orElseThrow(() -> new IllegalStateException("no token generator configured"));
    revokeCurrent(body, request, who);
    return HttpResponse.ok(new NewToken(fresh.getAccessToken(), fresh.getTokenType(), fresh.getExpiresIn()))
        .header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  private void revokeCurrent(TokenRequest body, HttpRequest<?> request, Authentication who) {
    confirm(body, request);
    Object jti = who.getAttributes().get(Claims.TOKEN_ID);
    if (jti == null) {
      throw new InvalidInputException("this token cannot be revoked (issued before revocation existed): log in again");
    }
    revocations.revoke(jti.toString(), expiry(who.getAttributes().get(Claims.EXPIRATION_TIME)));
  }

  private static void confirm(TokenRequest body, HttpRequest<?> request) {
    String header = request.getHeaders().getAuthorization().orElse("");
    if (body == null || body.token() == null || !header.equals("Bearer " + body.token())) {
      throw new InvalidInputException("token must be the bearer token of this request");
    }
  }

  private static Instant expiry(Object exp) {
    if (exp instanceof Date d) {
      return d.toInstant();
    }
    if (exp instanceof Number n) {
      return Instant.ofEpochSecond(n.longValue());
    }
    return Instant.now().plusSeconds(86_400 * 2);
  }
}
