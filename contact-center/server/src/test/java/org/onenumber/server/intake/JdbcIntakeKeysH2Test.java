package org.onenumber.server.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.onenumber.core.error.RetriableException;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/** Expiry and the sweep of {@code intake_key} (V231) on H2. */
class JdbcIntakeKeysH2Test {

  private static final Instant NOW = Instant.parse("2026-12-02T03:00:00Z");
  private final JdbcIntakeKeys keys = new JdbcIntakeKeys(new Jdbc(TestDatabases.h2()));
  private final IdempotencyKey key = IdempotencyKey.of(null, "0123456789abcdef", "{}".getBytes(StandardCharsets.UTF_8));

  @Test
  void aKeyAnswersUntilItExpiresAndTheSweepDeletesOnlyExpiredKeys() {
    keys.store(key, "c-1", "{\"id\":\"c-1\"}", NOW, NOW.plus(Duration.ofHours(24)));
    IdempotencyKey other = IdempotencyKey.of("integration:pbx", "0123456789abcdef", new byte[0]);
    keys.store(other, "c-2", "{\"id\":\"c-2\"}", NOW, NOW.plus(Duration.ofHours(48)));
    assertEquals("c-1", keys.find(key, NOW.plus(Duration.ofHours(23))).orElseThrow().contactId());
    assertTrue(keys.find(key, NOW.plus(Duration.ofHours(24))).isEmpty(), "expired: no answer before the sweep");
    assertEquals(1, keys.sweep(NOW.plus(Duration.ofHours(25))));
    assertEquals("c-2", keys.find(other, NOW.plus(Duration.ofHours(25))).orElseThrow().contactId());
  }

  @Test
  void aLiveKeyCannotBeStoredTwiceButAnExpiredOneIsReplaced() {
    keys.store(key, "c-1", "{}", NOW, NOW.plus(Duration.ofHours(1)));
    RetriableException twice = org.junit.jupiter.api.Assertions.assertThrows(RetriableException.class,
        () -> keys.store(key, "c-2", "{}", NOW, NOW.plus(Duration.ofHours(1))));
    assertTrue(twice.getMessage().contains("23505"), twice.getMessage());
    Instant later = NOW.plus(Duration.ofHours(2));
    keys.store(key, "c-3", "{}", later, later.plus(Duration.ofHours(1)));
    assertEquals("c-3", keys.find(key, later).orElseThrow().contactId());
  }
}
