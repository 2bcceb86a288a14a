package org.onenumber.server.security;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashSet;
import java.util.Set;
import org.onenumber.server.persistence.Jdbc;

/**
 * The lockout after repeated wrong passwords, kept in table {@code login_failure} so that it holds
 * on every node of a cluster and across a restart: a login with {@code
 * onenumber.rate-limits.login-failures-per-15-minutes} failures within the last 15 minutes is locked
 * (refused without looking at the password, so a locked login's attempts add none) until the
 * oldest of them is 15 minutes old, or an administrator unlocks it. Failures are counted for any
 * login name, an account's or not (a lockout tells nothing about which logins exist); names longer
 * than an account's 64 characters are nobody's and are not stored. Timed on the wall clock, as the
 * tokens are (the server's clock may be simulated in replays). Thread-safe.
 */
@Singleton
public final class LoginLocks {

  static final Duration WINDOW = Duration.ofMinutes(15);
  private static final int LONGEST_LOGIN = 64;

  private final Jdbc jdbc;
  private final long limit;
  private final InstantSource clock;

  @Inject
  LoginLocks(Jdbc jdbc, @Value("${onenumber.rate-limits.login-failures-per-15-minutes:5}") long limit) {
    this(jdbc, limit, InstantSource.system());
  }

  LoginLocks(Jdbc jdbc, long limit, InstantSource clock) {
    this.jdbc = jdbc;
    this.limit = Math.max(1, limit);
    this.clock = clock;
  }

  /** True when {@code login} has had too many wrong passwords of late: it is refused whatever it sends. */
  public boolean locked(String login) {
    if (login.length() > LONGEST_LOGIN) {
      return false;
    }
    return jdbc.queryOne("select count(*) from login_failure where login = ? and failed_at > ?",
        row -> row.getLong(1), login, clock.instant().minus(WINDOW)).orElse(0L) >= limit;
  }

  /** Records a wrong password for {@code login}, durably (before the refusal is answered). */
  public void failed(String login) {
    if (login.length() <= LONGEST_LOGIN) {
      jdbc.update("insert into login_failure (login, failed_at) values (?, ?)", login, clock.instant());
    }
  }

  /** Forgets {@code login}'s failures: an administrator unlocked it. */
  public void unlock(String login) {
    jdbc.update("delete from login_failure where login = ?", login);
  }

  /** The logins locked now (the account list shows them). */
  public Set<String> lockedLogins() {
    return new HashSet<>(jdbc.query("select login from login_failure where failed_at > ? group by login"
        + " having count(*) >= ?", row -> row.getString(1), clock.instant().minus(WINDOW), limit));
  }

  /** Deletes the failures older than the window: they lock nothing any more. */
  @Scheduled(fixedDelay = "1m", initialDelay = "1m")
  int sweep() {
    return jdbc.update("delete from login_failure where failed_at <= ?", clock.instant().minus(WINDOW));
  }
}
