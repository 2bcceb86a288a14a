package org.onenumber.server.security;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import jakarta.inject.Singleton;

/** Refuses, on every request, a signed and unexpired token that was revoked (logout, refresh), or held by a
 * disabled account. */
@Singleton
final class RevokedTokenValidator implements GenericJwtClaimsValidator<HttpRequest<?>> {

  private final TokenRevocations revocations;

  RevokedTokenValidator(TokenRevocations revocations) {
    this.revocations = revocations;
  }

  @Override
  public boolean validate(Claims claims, HttpRequest<?> request) {
    Object jti = claims.get(Claims.TOKEN_ID);
    Object login = claims.get(Claims.SUBJECT);
    return (jti == null || !revocations.isRevoked(jti.toString()))
        && (login == null || !revocations.isDisabled(login.toString()));
  }
}
