package org.onenumber.server.telephony;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.onenumber.core.citizen.CitizenIdentity;
import org.onenumber.core.directory.Language;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.persistence.Jdbc;

/**
 * Callers' languages on H2 (issue 17): remembering is recorded, not written per call, so a burst
 * of 1,000 calls costs a few batched statements instead of one or two each; the latest choice per
 * number is what the next call reads.
 */
class JdbcCallerLanguagesTest {

  private final Jdbc jdbc = new Jdbc(TestDatabases.h2());
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final JdbcCallerLanguages languages =
      new JdbcCallerLanguages(jdbc, InstantSource.fixed(Instant.parse("2026-12-03T07:00:00Z")), executor);

  private static CitizenIdentity.Phone phone(int i) {
    return new CitizenIdentity.Phone(String.format("+8210%08d", i));
  }

  @Test
  void aBurstOfChoicesIsWrittenInBatchesAndTheLatestPerNumberWins() {
    languages.remember(phone(0), Language.KOREAN);
    assertTrue(languages.flush(Duration.ofSeconds(5)));
    long before = jdbc.statements();
    for (int i = 0; i < 1_000; i++) {
      languages.remember(phone(i % 400), i < 800 ? Language.KOREAN : Language.ENGLISH);
    }
    assertTrue(languages.flush(Duration.ofSeconds(10)));
    long statements = jdbc.statements() - before;
    assertTrue(statements <= 12, "1,000 choices in a few batches, not one statement each: " + statements);
    assertEquals(Optional.of(Language.ENGLISH), languages.remembered(phone(0)), "chosen again later");
    assertEquals(Optional.of(Language.ENGLISH), languages.remembered(phone(199)));
    assertEquals(Optional.of(Language.KOREAN), languages.remembered(phone(399)), "not chosen again");
    assertEquals(400, jdbc.queryOne("select count(*) from caller_language", r -> r.getInt(1)).orElseThrow());
    executor.shutdown();
  }
}
