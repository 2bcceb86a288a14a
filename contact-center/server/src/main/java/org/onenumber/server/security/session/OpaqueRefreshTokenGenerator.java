package org.onenumber.server.security.session;

import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.generator.RefreshTokenGenerator;
import io.micronaut.security.token.validator.RefreshTokenValidator;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Refresh tokens as 256 random bits (base64url): nothing to sign, since {@link RefreshTokens}
 * looks each one up by its hash; validating checks the shape only. With this bean (generator and
 * validator both, as Micronaut requires) {@code POST /login} answers a {@code refresh_token} beside
 * the access token and publishes it to {@link RefreshTokens}.
 * Thread-safe.
 */
@Singleton
final class OpaqueRefreshTokenGenerator implements RefreshTokenGenerator, RefreshTokenValidator {

  private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");
  private final SecureRandom random = new SecureRandom();

  @Override
  public String createKey(Authentication authentication) {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  @Override
  public Optional<String> generate(Authentication authentication, String token) {
    return Optional.of(token);
  }

  @Override
  public Optional<String> validate(String refreshToken) {
    return Optional.ofNullable(refreshToken).filter(t -> SHAPE.matcher(t).matches());
  }
}
