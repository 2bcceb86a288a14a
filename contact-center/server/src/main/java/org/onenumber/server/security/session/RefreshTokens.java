package org.onenumber.server.security.session;

import io.micronaut.context.annotation.Value;
import io.micronaut.security.token.event.RefreshTokenGeneratedEvent;
import io.micronaut.security.token.refresh.RefreshTokenPersistence;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.onenumber.server.persistence.Jdbc;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * The refresh tokens of logins, in table {@code refresh_token}, each stored as its SHA-256 only (a
 * copy of the table lets no one in). A login starts a family ({@link #persistToken}, Micronaut's
 * event after {@code POST /login}); {@link #spend} decides a presented token:
 *
 * <ol>
 *   <li>unknown, expired, or its family revoked → {@link Spent.Refused};
 *   <li>already spent (rotated before) → the whole family is revoked: {@link Spent.Reused}, for the
 *       audit — someone holds a copy of a token that was already used;
 *   <li>live → spent now, and {@link #next} stores the family's next token: {@link Spent.Live}.
 * </ol>
 *
 * Spending is one conditional update, so of two concurrent refreshes with the same token one wins
 * and the other counts as reuse. Thread-safe; JDBC is blocking.
 */
@Singleton
public final class RefreshTokens implements RefreshTokenPersistence {

  /** What a presented refresh token turned out to be. */
  public sealed interface Spent {
    /** Live until now: its login and family, for the next token. */
    record Live(String login, String family) implements Spent {}

    /** Spent before: the family {@code family} of {@code login} is now revoked. */
    record Reused(String login, String family) implements Spent {}

    /** Unknown, expired or revoked. */
    record Refused() implements Spent {}
  }

  private final Jdbc jdbc;
  private final InstantSource clock;
  private final Duration lifetime;

  RefreshTokens(Jdbc jdbc, InstantSource clock,
      @Value("${onenumber.session.refresh-token-lifetime:7d}") Duration lifetime) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.lifetime = lifetime;
  }

  /** A login's first refresh token (Micronaut publishes it with the login's answer): a new family. */
  @Override
  public void persistToken(RefreshTokenGeneratedEvent event) {
    store(event.getRefreshToken(), UUID.randomUUID().toString(), event.getAuthentication().getName());
  }

  /** Not used: refresh goes through {@link SessionController}, which rotates (Micronaut's does not). */
  @Override
  public Publisher<io.micronaut.security.authentication.Authentication> getAuthentication(String refreshToken) {
    return Mono.empty();
  }

  /** Decides {@code token} and, when it is live, spends it. */
  public Spent spend(String token) {
    String hash = hash(token);
    Instant now = clock.instant();
    return jdbc.inTransaction(() -> {
      Optional<Row> row = jdbc.queryOne("select family_id, login, expires_at, spent_at, revoked_at"
          + " from refresh_token where token_hash = ?", r -> new Row(r.getString("family_id"), r.getString("login"),
          Jdbc.instant(r, "expires_at"), r.getObject("spent_at") != null, r.getObject("revoked_at") != null), hash);
      if (row.isEmpty() || row.get().revoked() || !row.get().expiresAt().isAfter(now)) {
        return new Spent.Refused();
      }
      int spent = jdbc.update("update refresh_token set spent_at = ? where token_hash = ? and spent_at is null",
          now, hash);
      if (spent == 0) {
        revokeFamily(row.get().family(), "reuse");
        return new Spent.Reused(row.get().login(), row.get().family());
      }
      return new Spent.Live(row.get().login(), row.get().family());
    });
  }

  /** Stores {@code token} as the next of {@code family} (after {@link #spend} answered live). */
  public void next(String token, Spent.Live spent) {
    store(token, spent.family(), spent.login());
  }

  /** Revokes the family of {@code token} when it belongs to {@code login} (logout); false otherwise. */
  public boolean revokeFamilyOf(String token, String login) {
    return jdbc.queryOne("select family_id from refresh_token where token_hash = ? and login = ?",
        r -> r.getString(1), hash(token), login).map(family -> revokeFamily(family, "logout") >= 0).orElse(false);
  }

  /** Revokes every family of {@code login} (the account was disabled); answers the tokens revoked. */
  public int revokeLogin(String login, String why) {
    return jdbc.update("update refresh_token set revoked_at = ?, revoked_why = ? where login = ? and revoked_at is null",
        clock.instant(), why, login);
  }

  private int revokeFamily(String family, String why) {
    return jdbc.update("update refresh_token set revoked_at = ?, revoked_why = ? where family_id = ? and revoked_at is null",
        clock.instant(), why, family);
  }

  private void store(String token, String family, String login) {
    Instant now = clock.instant();
    jdbc.update("delete from refresh_token where expires_at < ?", now.minus(lifetime));
    jdbc.update("insert into refresh_token (token_hash, family_id, login, issued_at, expires_at) values (?, ?, ?, ?, ?)",
        hash(token), family, login, now, now.plus(lifetime));
  }

  static String hash(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private record Row(String family, String login, Instant expiresAt, boolean spent, boolean revoked) {}
}
