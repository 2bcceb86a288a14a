package org.onenumber.server.security;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.onenumber.server.persistence.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The revocation list of access tokens (logout, refresh): every token carries an id (jti, this
 * class generates them), and a revoked id is kept in table {@code revoked_token} and in memory
 * until the token would have expired anyway, so the check on every request is a map lookup.
 * Loaded from the table when the server starts and read again every few seconds ({@link #refresh}:
 * what other cluster nodes wrote). The logins of disabled accounts are refused the same way,
 * whatever token they hold. Each revocation and each disabling is published as an
 * {@link AccessRevoked} event, so the sockets opened with those tokens close too ({@link SignedInSockets}).
 * Thread-safe.
 */
@Singleton
public final class TokenRevocations implements JtiGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRevocations.class);

  private final Jdbc jdbc;
  /** The wall clock, on which Micronaut writes and checks a token's expiry (not the server's, simulated in replays). */
  private final InstantSource tokenClock = InstantSource.system();
  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
  private final Set<String> disabledLogins = ConcurrentHashMap.newKeySet();
  private final ApplicationEventPublisher<AccessRevoked> events;

  private final Accounts accounts;

  TokenRevocations(Jdbc jdbc, Accounts accounts, ApplicationEventPublisher<AccessRevoked> events) {
    this.jdbc = jdbc;
    this.events = events;
    this.accounts = accounts;
    disabledLogins.addAll(accounts.disabledLogins());
    jdbc.query("select jti, expires_at from revoked_token", row -> revoked.put(row.getString(1),
        Jdbc.instant(row, "expires_at")));
  }

  /**
   * Reads the table and the disabled accounts again every {@code onenumber.security.revocations-refresh}
   * (default 5 s), so a node honours the logouts and disablings other nodes of a cluster wrote (a
   * standby that takes over included) within that time, and closes the sockets they concern.
   * Synchronized with {@link #disableLogin}, which runs after the table changed, so a refresh never
   * undoes a newer change of this node.
   */
  @Scheduled(fixedDelay = "${onenumber.security.revocations-refresh:5s}",
      initialDelay = "${onenumber.security.revocations-refresh:5s}")
  synchronized void refresh() {
    List<String> disabled;
    Map<String, Instant> stored = new HashMap<>();
    try {
      disabled = accounts.disabledLogins();
      jdbc.query("select jti, expires_at from revoked_token", row -> stored.put(row.getString(1),
          Jdbc.instant(row, "expires_at")));
    } catch (RuntimeException e) {
      LOG.warn("cannot read the revocations again (the ones known stay in force): {}", e.toString());
      return;
    }
    boolean newer = !disabledLogins.containsAll(disabled) || !revoked.keySet().containsAll(stored.keySet());
    disabledLogins.retainAll(disabled);
    disabledLogins.addAll(disabled);
    revoked.putAll(stored);
    if (newer) {
      events.publishEvent(new AccessRevoked(null, null));
    }
  }

  @Override
  public String generateJtiClaim() {
    return UUID.randomUUID().toString();
  }

  /** Revokes token {@code jti}, which expires at {@code expiresAt}; drops the entries that expired. */
  public void revoke(String jti, Instant expiresAt) {
    Instant now = tokenClock.instant();
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
  public synchronized void disableLogin(String login, boolean disabled) {
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
