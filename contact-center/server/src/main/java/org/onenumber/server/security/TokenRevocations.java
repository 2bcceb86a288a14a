package org.onenumber.server.security;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.scheduling.annotation.Scheduled;
import io.micronaut.security.token.claims.JtiGenerator;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
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
 * Loaded from the table when the server starts. A single node knows its own revocations and
 * disablings at once; in a cluster {@link SharedRevocations} calls {@link #refresh} every few
 * seconds to read what other nodes wrote — only the rows recorded since the last read. The logins
 * of disabled accounts are refused the same way, whatever token they hold. Each revocation and each
 * disabling is published as an {@link AccessRevoked} event, so the sockets opened with those tokens
 * close too ({@link SignedInSockets}). {@link #sweep} drops the revocations of expired tokens.
 * Thread-safe.
 */
@Singleton
public final class TokenRevocations implements JtiGenerator {

  private static final Logger LOG = LoggerFactory.getLogger(TokenRevocations.class);
  /**
   * How far back each read looks before the newest revocation already read: a row is stamped with
   * its transaction's start, so one committed a moment after a later-stamped one is still read.
   */
  static final Duration OVERLAP = Duration.ofMinutes(1);

  private final Jdbc jdbc;
  /** The wall clock, on which Micronaut writes and checks a token's expiry (not the server's, simulated in replays). */
  private final InstantSource tokenClock;
  private final Map<String, Instant> revoked = new ConcurrentHashMap<>();
  private final Set<String> disabledLogins = ConcurrentHashMap.newKeySet();
  private final ApplicationEventPublisher<AccessRevoked> events;
  private final Accounts accounts;
  /** The newest {@code revoked_at} read (the database's clock); the next read starts {@link #OVERLAP} before. */
  private Instant newestRead = Instant.EPOCH;

  @Inject
  TokenRevocations(Jdbc jdbc, Accounts accounts, ApplicationEventPublisher<AccessRevoked> events) {
    this(jdbc, accounts, events, InstantSource.system());
  }

  TokenRevocations(Jdbc jdbc, Accounts accounts, ApplicationEventPublisher<AccessRevoked> events, InstantSource tokenClock) {
    this.jdbc = jdbc;
    this.events = events;
    this.accounts = accounts;
    this.tokenClock = tokenClock;
    disabledLogins.addAll(accounts.disabledLogins());
    revoked.putAll(readRecent());
  }

  /** The unexpired revocations recorded since {@link #OVERLAP} before the newest one read; moves that mark. */
  private Map<String, Instant> readRecent() {
    Map<String, Instant> read = new HashMap<>();
    Instant[] newest = {newestRead};
    jdbc.query("select jti, expires_at, revoked_at from revoked_token where revoked_at > ? and expires_at > ?", row -> {
      read.put(row.getString(1), Jdbc.instant(row, "expires_at"));
      Instant at = Jdbc.instant(row, "revoked_at");
      newest[0] = at.isAfter(newest[0]) ? at : newest[0];
      return null;
    }, newestRead.minus(OVERLAP), tokenClock.instant());
    newestRead = newest[0];
    return read;
  }

  /**
   * Reads what other nodes of a cluster wrote since the last read, and the disabled accounts (a
   * short list, read whole so that an enabling is seen too), and closes the sockets they concern.
   * Synchronized with {@link #disableLogin}, which runs after the table changed, so a refresh never
   * undoes a newer change of this node. Returns how many revocations it read.
   */
  synchronized int refresh() {
    List<String> disabled;
    Map<String, Instant> stored;
    try {
      disabled = accounts.disabledLogins();
      stored = readRecent();
    } catch (RuntimeException e) {
      LOG.warn("cannot read the revocations again (the ones known stay in force): {}", e.toString());
      return 0;
    }
    boolean newer = !disabledLogins.containsAll(disabled) || !revoked.keySet().containsAll(stored.keySet());
    disabledLogins.retainAll(disabled);
    disabledLogins.addAll(disabled);
    revoked.putAll(stored);
    if (newer) {
      events.publishEvent(new AccessRevoked(null, null));
    }
    return stored.size();
  }

  /**
   * Drops the revocations of tokens that have expired anyway, from the table and from memory, every
   * {@code onenumber.security.revocations-sweep} (10 minutes). Returns how many rows it deleted.
   */
  @Scheduled(fixedDelay = "${onenumber.security.revocations-sweep:10m}",
      initialDelay = "${onenumber.security.revocations-sweep:10m}")
  int sweep() {
    Instant now = tokenClock.instant();
    revoked.values().removeIf(at -> at.isBefore(now));
    try {
      return jdbc.update("delete from revoked_token where expires_at < ?", now);
    } catch (RuntimeException e) {
      LOG.warn("cannot sweep the expired revocations (tried again later): {}", e.toString());
      return 0;
    }
  }

  @Override
  public String generateJtiClaim() {
    return UUID.randomUUID().toString();
  }

  /** Revokes token {@code jti}, which expires at {@code expiresAt}. */
  public void revoke(String jti, Instant expiresAt) {
    jdbc.inTransaction(() -> {
      jdbc.update("delete from revoked_token where jti = ?", jti);
      jdbc.update("insert into revoked_token (jti, expires_at) values (?, ?)", jti, expiresAt);
      return null;
    });
    revoked.put(jti, expiresAt);
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
