package org.onenumber.server.security;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.server.persistence.Jdbc;

/**
 * The revocation list of access tokens (logout, refresh): every token carries an id (jti, this
 * class generates them), and a revoked id is kept in table {@code revoked_token} and in memory
 * until the token would have expired anyway, so the check on every request is a map lookup.
 * Loaded from the table when the server starts. The logins of disabled accounts are refused the
 * same way, whatever token they hold. Each revocation and each disabling is published as an
 * {@link AccessRevoked} event, so the sockets opened with those tokens close too ({@link SignedInSockets}).
 * Thread-safe.
 */
@Singleton
public final class TokenRevocations implements JtiGenerator {

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
  private final Set<String> disabledLogins = ConcurrentHashMap.newKeySet();
  private final ApplicationEventPublisher<AccessRevoked> events;

  TokenRevocations(Jdbc jdbc, InstantSource clock, Accounts accounts, ApplicationEventPublisher<AccessRevoked> events) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.events = events;
    disabledLogins.addAll(accounts.disabledLogins());
    jdbc.query("select jti, expires_at from revoked_token", row -> revoked.put(row.getString(1),
        Jdbc.instant(row, "expires_at")));
  }

  @Override
  public String generateJtiClaim() {
    return UUID.randomUUID().toString();
  }

  /** Revokes token {@code jti}, which expires at {@code expiresAt}; drops the entries that expired. */
  public void revoke(String jti, Instant expiresAt) {
    Instant now = clock.instant();
    jdbc.inTransaction(() -> {
      jdbc.update("delete from revoked_token where expires_at < ? or jti = ?", now, jti);
      jdbc.update("insert into revoked_token (jti, expires_at) values (?, ?)", jti, expiresAt);
      return null;
    });
    revoked.put(jti, expiresAt);
    revoked.values().removeIf(at -> at.isBefore(now));
    events.publishEvent(new AccessRevoked(jti, null));
  }

  /** Refuses (or accepts again) every access token of {@code login}: the account was disabled (enabled). */
  public void disableLogin(String login, boolean disabled) {
    if (disabled) {
      disabledLogins.add(login);
      events.publishEvent(new AccessRevoked(null, login));
    } else {
      disabledLogins.remove(login);
    }
  }

  /** True when the account {@code login} is disabled: its unexpired tokens are refused too. */
  public boolean isDisabled(String login) {
    return login != null && disabledLogins.contains(login);
  }

  /** True when the token with id {@code jti} was revoked. */
  public boolean isRevoked(String jti) {
    return jti != null && revoked.containsKey(jti);
  }
}
