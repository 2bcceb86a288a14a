package org.onenumber.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * {@link LoginLocks} against a real (H2) database with a hand-moved clock: three failures within
 * 15 minutes lock a login (another login stays free), the lock holds for a second instance on the
 * same database (another node, or this one after a restart), ends when the oldest failure is 15
 * minutes old or on an unlock, and the sweep deletes the failures that lock nothing.
 */
class LoginLocksH2Test {

  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-02T09:00:00Z"));
  private final InstantSource clock = () -> now.get();
  private final LoginLocks locks = new LoginLocks(jdbc, 3, clock);

  private void after(Duration elapsed) {
    now.set(now.get().plus(elapsed));
  }

  @Test
  void threeFailuresWithinTheWindowLockTheLoginEverywhereUntilTheOldestAgesOut() {
    for (int i = 0; i < 3; i++) {
      assertFalse(locks.locked("op-001"));
      locks.failed("op-001");
      after(Duration.ofMinutes(1));
    }
    assertTrue(locks.locked("op-001"));
    assertFalse(locks.locked("op-002"), "another login stays free");
    assertTrue(new LoginLocks(jdbc, 3, clock).locked("op-001"), "another node (or a restart) sees the lock");
    assertEquals(Set.of("op-001"), locks.lockedLogins());

    after(Duration.ofMinutes(12).plusSeconds(1)); // the first failure is 15 minutes old
    assertFalse(locks.locked("op-001"));
    assertEquals(1, locks.sweep(), "the failure that locks nothing any more is deleted");
  }

  @Test
  void anUnlockFreesTheLoginAtOnceAndOverlongNamesAreNotStored() {
    for (int i = 0; i < 3; i++) {
      locks.failed("op-003");
    }
    assertTrue(locks.locked("op-003"));
    locks.unlock("op-003");
    assertFalse(locks.locked("op-003"));

    String overlong = "x".repeat(65);
    locks.failed(overlong);
    assertFalse(locks.locked(overlong));
    assertEquals(0L, jdbc.queryOne("select count(*) from login_failure", row -> row.getLong(1)).orElseThrow());
  }
}
