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
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a login and password against {@link Accounts}; on success the authentication carries
 * the account's role and, for operators, their agent id. Runs on the blocking executor (bcrypt
 * and JDBC are blocking).
 */
@Singleton
public final class AccountAuthenticationProvider<B> implements HttpRequestExecutorAuthenticationProvider<B> {

  private final Accounts accounts;

  public AccountAuthenticationProvider(Accounts accounts) {
    this.accounts = accounts;
  }

  @Override
  public @NonNull String getExecutorName() {
    return TaskExecutors.BLOCKING;
  }

  @Override
  public @NonNull AuthenticationResponse authenticate(@Nullable HttpRequest<B> request,
      @NonNull AuthenticationRequest<String, String> authRequest) {
    return accounts.verify(authRequest.getIdentity(), authRequest.getSecret()).map(account -> {
      Map<String, Object> attributes = new HashMap<>();
      attributes.put("name", account.name());
      if (account.agent() != null) {
        attributes.put("agent", account.agent());
      }
      if (account.department() != null) {
        attributes.put("department", account.department());
      }
      return AuthenticationResponse.success(account.login(), List.of(account.role().name()), attributes);
    }).orElseGet(() -> AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH));
  }
}
