package org.onenumber.server.security.session;

import jakarta.inject.Singleton;
import java.time.Instant;
import org.onenumber.server.security.Accounts;
import org.onenumber.server.security.TokenRevocations;

/**
 * Turns an account off and on: disabled, its logins are refused, its access tokens refused from the
 * next request on and every refresh token of it revoked; enabled again, it may log in (old tokens stay
 * revoked). Used by administrators ({@code /api/v1/accounts}) and when a monitoring member leaves the
 * roster. Thread-safe.
 */
@Singleton
public final class AccountSwitch {

  private final Accounts accounts;
  private final RefreshTokens refreshTokens;
  private final TokenRevocations revocations;

  AccountSwitch(Accounts accounts, RefreshTokens refreshTokens, TokenRevocations revocations) {
    this.accounts = accounts;
    this.refreshTokens = refreshTokens;
    this.revocations = revocations;
  }

  /** Disables {@code login} from {@code at}; false when there is no such account. */
  public boolean disable(String login, Instant at) {
    if (!accounts.setDisabled(login, at)) {
      return false;
    }
    revocations.disableLogin(login, true);
    refreshTokens.revokeLogin(login, "disabled");
    return true;
  }

  /** Enables {@code login} again; false when there is no such account. */
  public boolean enable(String login) {
    if (!accounts.setDisabled(login, null)) {
      return false;
    }
    revocations.disableLogin(login, false);
    return true;
  }
}
