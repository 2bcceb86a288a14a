package org.onenumber.server.security.session;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
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
import io.micronaut.security.token.generator.RefreshTokenGenerator;
import io.micronaut.security.token.render.AccessRefreshToken;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.onenumber.core.audit.AuditEntry;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.AuditLog;
import org.onenumber.server.api.ApiError;
import org.onenumber.server.security.Accounts;
import org.onenumber.server.security.ClientAddresses;
import org.onenumber.server.security.TokenRevocations;

/**
 * Refresh and logout of a login. Refresh takes the refresh token {@code POST /login} (or the last
 * refresh) answered, needs no access token (it may have expired) and answers a new access token and
 * the next refresh token; the presented one is spent ({@link RefreshTokens}). A spent token
 * presented again revokes its whole family and is audited ({@code refresh-reuse}). An unknown,
 * expired or revoked token, or one of a disabled account, is 400 {@code invalid_grant} (RFC 6749
 * §5.2). Logout takes the caller's access token in the body as well as in the {@code Authorization}
 * header (an explicit confirmation, as in RFC 7009) and revokes it ({@link TokenRevocations}), and
 * with {@code refresh_token} that token's family too. Both answer {@code Cache-Control: no-store}.
 */
@Controller("/api/v1/session")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "login")
final class SessionController {

  private final TokenRevocations revocations;
  private final RefreshTokens refreshTokens;
  private final RefreshTokenGenerator refreshGenerator;
  private final AccessRefreshTokenGenerator tokens;
  private final Accounts accounts;
  private final AuditLog audit;
  private final ClientAddresses addresses;
  private final InstantSource clock;

  SessionController(TokenRevocations revocations, RefreshTokens refreshTokens, RefreshTokenGenerator refreshGenerator,
      AccessRefreshTokenGenerator tokens, Accounts accounts, AuditLog audit, ClientAddresses addresses,
      InstantSource clock) {
    this.revocations = revocations;
    this.refreshTokens = refreshTokens;
    this.refreshGenerator = refreshGenerator;
    this.tokens = tokens;
    this.accounts = accounts;
    this.audit = audit;
    this.addresses = addresses;
    this.clock = clock;
  }

  /** Logout: the access token being given up, and optionally the refresh token of the same login. */
  @Serdeable
  record LogoutRequest(@Nullable String token, @Nullable String refresh_token) {}

  /** Refresh: the refresh token last answered. */
  @Serdeable
  record RefreshRequest(@Nullable String refresh_token) {}

  /** A new access token and the next refresh token, as {@code POST /login} answers them. */
  @Serdeable
  record NewTokens(String access_token, String refresh_token, String token_type, Integer expires_in) {}

  @Post("/logout")
  @Secured(SecurityRule.IS_AUTHENTICATED)
  @Operation(summary = "Log out: revoke the caller's access token (given again in the body) and the refresh token's family")
  HttpResponse<Void> logout(@Body LogoutRequest body, HttpRequest<?> request, Authentication who) {
    String header = request.getHeaders().getAuthorization().orElse("");
    if (body == null || body.token() == null || !header.equals("Bearer " + body.token())) {
      throw new InvalidInputException("token must be the bearer token of this request");
    }
    Object jti = who.getAttributes().get(Claims.TOKEN_ID);
    if (jti == null) {
      throw new InvalidInputException("this token cannot be revoked (issued before revocation existed): log in again");
    }
    revocations.revoke(jti.toString(), expiry(who.getAttributes().get(Claims.EXPIRATION_TIME)));
    if (body.refresh_token() != null) {
      refreshTokens.revokeFamilyOf(body.refresh_token(), who.getName());
    }
    return HttpResponse.<Void>noContent().header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  @Post("/refresh")
  @Secured(SecurityRule.IS_ANONYMOUS)
  @Operation(summary = "Refresh: a new access token and the next refresh token; the presented refresh token is spent")
  HttpResponse<?> refresh(@Body RefreshRequest body, HttpRequest<?> request) {
    if (body == null || body.refresh_token() == null || body.refresh_token().isBlank()) {
      throw new InvalidInputException("refresh_token is required");
    }
    return switch (refreshTokens.spend(body.refresh_token())) {
      case RefreshTokens.Spent.Live live -> renew(live);
      case RefreshTokens.Spent.Reused reused -> {
        audit.append(new AuditEntry(reused.login(), "SESSION", "refresh-reuse", "session", reused.family(), null,
            "a spent refresh token was presented again: its family is revoked", addresses.resolve(request),
            clock.instant()));
        yield invalidGrant();
      }
      case RefreshTokens.Spent.Refused refused -> invalidGrant();
    };
  }

  private HttpResponse<?> renew(RefreshTokens.Spent.Live live) {
    Optional<Accounts.Account> account = accounts.find(live.login()).filter(a -> !a.disabled());
    if (account.isEmpty()) {
      return invalidGrant();
    }
    Authentication who = Authentication.build(live.login(), List.of(account.get().role().name()),
        account.get().attributes());
    String next = refreshGenerator.createKey(who);
    refreshTokens.next(next, live);
    AccessRefreshToken fresh = tokens.generate(refreshGenerator.generate(who, next).orElseThrow(), who)
        .orElseThrow(() -> new IllegalStateException("no access token generator configured"));
    return HttpResponse.ok(new NewTokens(fresh.getAccessToken(), fresh.getRefreshToken(), fresh.getTokenType(),
        fresh.getExpiresIn())).header(HttpHeaders.CACHE_CONTROL, "no-store");
  }

  private static HttpResponse<?> invalidGrant() {
    return HttpResponse.status(HttpStatus.BAD_REQUEST).header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(new ApiError("invalid_grant", "the refresh token is unknown, expired or revoked: log in again"));
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
