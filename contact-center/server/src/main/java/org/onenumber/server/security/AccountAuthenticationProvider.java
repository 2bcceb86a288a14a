package org.onenumber.server.security;

import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Checks a login and password against {@link Accounts}; on success the authentication carries
 * the account's role and, for operators, their agent id. After {@code
 * onenumber.rate-limits.login-failures-per-15-minutes} failures a login is locked (refused without
 * looking at the password) until its bucket refills or an administrator unlocks it. Runs on the
 * blocking executor (bcrypt and JDBC are blocking). A disabled account is refused after its password.
 */
@Singleton
public final class AccountAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

  private final Accounts accounts;
  private final RateLimits limits;

  public AccountAuthenticationProvider(Accounts accounts, RateLimits limits) {
    this.accounts = accounts;
    this.limits = limits;
  }

  @Override
  public @NonNull String getExecutorName() {
    return TaskExecutors.BLOCKING;
  }

  @Override
  public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
      @NonNull AuthenticationRequest<String, String> authRequest) {
    String login = authRequest.getIdentity();
    if (login == null || authRequest.getSecret() == null) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    }
    if (limits.exhausted(RateLimits.Rule.LOGIN_FAILURES, login)) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
    }
    return accounts.verify(login, authRequest.getSecret()).map(account -> account.disabled()
        ? AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED)
        : AuthenticationResponse.success(account.login(), List.of(account.role().name()), account.attributes())).orElseGet(() -> {
      limits.take(RateLimits.Rule.LOGIN_FAILURES, login);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    });
  }
}
