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
 * onenumber.rate-limits.login-failures-per-15-minutes} failures within 15 minutes a login is locked
 * on every node (refused without looking at the password, {@link LoginLocks}) until they age out or
 * an administrator unlocks it. Runs on the
 * blocking executor (bcrypt and JDBC are blocking). A disabled account is refused after its password.
 */
@Singleton
public final class AccountAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

  private final Accounts accounts;
  private final LoginLocks locks;

  public AccountAuthenticationProvider(Accounts accounts, LoginLocks locks) {
    this.accounts = accounts;
    this.locks = locks;
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
    if (locks.locked(login)) {
      return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
    }
    return accounts.verify(login, authRequest.getSecret()).map(account -> account.disabled()
        ? AuthenticationResponse.failure(AuthenticationFailureReason.USER_DISABLED)
        : AuthenticationResponse.success(account.login(), List.of(account.role().name()), account.attributes())).orElseGet(() -> {
      locks.failed(login);
      return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
    });
  }
}
