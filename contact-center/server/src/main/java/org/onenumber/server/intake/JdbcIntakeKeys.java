package org.onenumber.server.intake;

import jakarta.inject.Singleton;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.onenumber.server.persistence.Jdbc;

/**
 * Table {@code intake_key} (migration V231): one row per (scope, key) with the body's hash, the
 * contact and its first answer (JSON), until {@code expires_at}. {@link #store} runs inside the
 * contact's transaction; of two concurrent stores of one key the second fails on the primary key
 * and rolls its contact back. Thread-safe.
 */
@Singleton
public final class JdbcIntakeKeys {

  /** A stored key: the hash of the body it came with and the answer given to it. */
  public record Stored(String bodySha256, String contactId, String answer) {}

  private static final String UNIQUE_VIOLATION = "23505";
  private final Jdbc jdbc;

  public JdbcIntakeKeys(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** The key's row if it has not expired at {@code now}. */
  public Optional<Stored> find(IdempotencyKey key, Instant now) {
    return jdbc.queryOne("select body_sha256, contact_id, answer from intake_key"
            + " where scope = ? and idem_key = ? and expires_at > ?",
        row -> new Stored(row.getString(1), row.getString(2), row.getString(3)), key.scope(), key.key(), now);
  }

  /** Stores the key (replacing an expired row the sweep has not reached yet). */
  public void store(IdempotencyKey key, String contactId, String answer, Instant now, Instant expiresAt) {
    jdbc.inTransaction(() -> {
      jdbc.update("delete from intake_key where scope = ? and idem_key = ? and expires_at <= ?",
          key.scope(), key.key(), now);
      jdbc.update("insert into intake_key (scope, idem_key, body_sha256, contact_id, answer, expires_at)"
          + " values (?, ?, ?, ?, ?, ?)", key.scope(), key.key(), key.bodySha256(), contactId, answer, expiresAt);
      return null;
    });
  }

  /**
   * Writes the answer of a key stored with an empty one (a filing of several commits, whose
   * answer is known only at its end: {@code open311.IdempotentFiling}).
   */
  public void answer(IdempotencyKey key, String answer) {
    jdbc.update("update intake_key set answer = ? where scope = ? and idem_key = ?", answer, key.scope(), key.key());
  }

  /**
   * Claims a key stored with an empty answer before {@code storedBefore} (its first post died
   * between commits): moves its expiry to {@code expiresAt}; true for exactly one of concurrent
   * claimers.
   */
  public boolean claim(IdempotencyKey key, Instant storedBefore, Duration ttl, Instant expiresAt) {
    return jdbc.update("update intake_key set expires_at = ? where scope = ? and idem_key = ? and answer = ''"
        + " and expires_at <= ?", expiresAt, key.scope(), key.key(), storedBefore.plus(ttl)) == 1;
  }

  /** Whether {@code e} was caused by a second insert of a stored key (SQLSTATE 23505). */
  public static boolean duplicateKey(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** Deletes the keys expired at {@code now}; returns how many. */
  public int sweep(Instant now) {
    return jdbc.update("delete from intake_key where expires_at <= ?", now);
  }
}
