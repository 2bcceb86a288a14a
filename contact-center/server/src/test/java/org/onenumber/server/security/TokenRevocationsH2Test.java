package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * {@link TokenRevocations} against a real (H2) database: a refresh reads only the revocations
 * recorded since the newest it read (less {@link TokenRevocations#OVERLAP}, so one committed a
 * moment late is not missed), honours what another node wrote and announces it; the sweep drops
 * the revocations of expired tokens from the table and from memory; a logout writes one row.
 */
class TokenRevocationsH2Test {

  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final List<AccessRevoked> announced = new ArrayList<>();
  private final TokenRevocations revocations = new TokenRevocations(jdbc, new Accounts(jdbc), announced::add);

  private void otherNodeRevokes(String jti, Instant revokedAt, Instant expiresAt) {
    jdbc.update("insert into revoked_token (jti, expires_at, revoked_at) values (?, ?, ?)", jti, expiresAt, revokedAt);
  }

  @Test
  void aRefreshReadsOnlyTheRevocationsSinceTheNewestItReadLessTheOverlap() {
    Instant now = Instant.now();
    Instant later = now.plus(Duration.ofHours(1));
    for (int i = 0; i < 50; i++) {
      otherNodeRevokes("old-" + i, now.minus(Duration.ofHours(1)), later);
    }
    assertEquals(50, revocations.refresh());
    assertTrue(revocations.isRevoked("old-7"), "what another node wrote is honoured");
    assertEquals(1, announced.size(), "and announced, so the sockets of those tokens close");

    otherNodeRevokes("new", now, later);
    assertEquals(51, revocations.refresh(), "from a minute before the newest read: the 50 once more and the new one");
    assertEquals(1, revocations.refresh(), "then only what is within the minute before the newest");
    assertEquals(2, announced.size(), "a refresh that reads nothing new announces nothing");

    otherNodeRevokes("late-commit", now.minusSeconds(30), later);
    assertEquals(2, revocations.refresh());
    assertTrue(revocations.isRevoked("late-commit"), "a row stamped before the newest read, committed after, is read");
  }

  @Test
  void theSweepDropsTheRevocationsOfExpiredTokensFromTheTableAndMemory() {
    Instant now = Instant.now();
    otherNodeRevokes("expired", now.minusSeconds(120), now.minusSeconds(1));
    otherNodeRevokes("live", now.minusSeconds(120), now.plusSeconds(600));
    revocations.revoke("mine", now.plusSeconds(600));
    revocations.refresh();
    assertTrue(revocations.isRevoked("live"));
    assertFalse(revocations.isRevoked("expired"), "an expired token's revocation is not even read");

    assertEquals(1, revocations.sweep());
    assertEquals(List.of("live", "mine"), jdbc.query("select jti from revoked_token order by jti", row -> row.getString(1)));
    assertTrue(revocations.isRevoked("mine"));
  }
}
