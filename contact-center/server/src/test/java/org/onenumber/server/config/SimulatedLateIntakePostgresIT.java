package org.onenumber.server.config;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.Simulation;
import org.onenumber.ops.simulator.SimulationLedger;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * Issue #17, New York at 100×: the server counted 2,001 more calls offered and abandoned than the
 * simulator — callers whose intake the IVR finished (journaled a contact) after the simulated caller
 * had stopped waiting for the music and closed its socket, counting nothing. Here the server's
 * intake is held on the real PostgreSQL ({@code LOCK TABLE contact} in another transaction: the
 * contact's insert waits, as under a loaded database) until well after the caller's wait for the
 * music (2 s of wall time) ran out; then it commits. The caller hangs up on the FastAGI session
 * ({@code HANGUP}), hears the server's music come anyway (the IVR had opened the contact) and counts
 * the call offered and abandoned, as the server journals it. The old simulator fails this: offered
 * 0 / 1, abandoned 0 / 1 (checked).
 */
class SimulatedLateIntakePostgresIT {

  private static final double SPEEDUP = 200;
  private static final Duration CALLER_WAITS_FOR_MUSIC = Duration.ofSeconds(2);
  private final TestHttp http = new TestHttp();

  @Test
  void aCallerWhoHangsUpBeforeTheSlowIntakeEndsCountsTheContactTheServerOpened() throws Exception {
    int agiPort = SimulatedCallsH2IT.freePort();
    Map<String, Object> properties = new HashMap<>(TestDatabases.postgresProperties("onenumber_voice16_late_intake"));
    properties.putAll(Map.of("micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(SPEEDUP),
        "onenumber.simulation.clock.start", Instant.parse("2026-04-15T10:00:00+09:00").toString(),
        "onenumber.telephony.asterisk.agi.enabled", "true", "onenumber.telephony.asterisk.agi.port", agiPort));
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
        ServerTime.SIMULATION)) {
      ReplayAgainstServer.offerTimeout(server, 600);
      URI url = URI.create(server.getURL() + "/");
      String jdbc = (String) properties.get("datasources.default.url");
      SimulationLedger ledger;
      try (Connection lock = DriverManager.getConnection(jdbc, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD)) {
        lock.setAutoCommit(false);
        try (Statement s = lock.createStatement()) {
          s.execute("lock table contact in share mode"); // reads go on; the intake's insert waits
        }
        Thread release = Thread.ofVirtual().start(() -> releaseAfterTheCallerLeft(jdbc, lock));
        ledger = new Simulation(options(url, agiPort), List.of(
            new Arrival(0, Channel.VOICE, "ko", "수도 누수", "water", "late-intake-0")))
            .callersWaitingForMusic(CALLER_WAITS_FOR_MUSIC).run();
        release.join();
      }
      SimulationLedger.Summary sim = ledger.summary(15);
      // the IVR opened the call's contact after its caller had hung up (the old simulator did not
      // wait for that: it had stopped counting before the intake committed)
      await().atMost(Duration.ofSeconds(20)).until(() ->
          SimulatedCallsH2IT.count(server, "select count(*) from contact where channel = 'VOICE'") == 1);
      String supervisor = http.login(server, "sv-01");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> SimulatedCallsH2IT.number(figures(server, supervisor, "scope=center"), "waiting") == 0);
      for (String scope : List.of("scope=center", "scope=channel&id=VOICE")) {
        Map<String, Object> figures = figures(server, supervisor, scope);
        assertEquals(SimulatedCallsH2IT.number(figures, "offered"), sim.offered(), "offered " + figures + " " + sim);
        assertEquals(SimulatedCallsH2IT.number(figures, "answered"), sim.answered(), "answered " + figures);
        assertEquals(SimulatedCallsH2IT.number(figures, "abandoned"), sim.abandoned(), "abandoned " + figures);
      }
      assertEquals(1, sim.offered(), "offered " + sim);
      assertEquals(1, sim.abandoned(), "abandoned " + sim);
    }
  }

  /**
   * Once the intake's insert waits for the lock (a backend waiting for a lock in {@code
   * pg_stat_activity}: nothing else writes contacts in this test), the caller's
   * wait for the music ran out well before {@code CALLER_WAITS_FOR_MUSIC} plus a second from now
   * (its wait began before the menus); then the lock is released and the contact committed.
   */
  private static void releaseAfterTheCallerLeft(String jdbc, Connection lock) {
    try (Connection watch = DriverManager.getConnection(jdbc, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD)) {
      await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() -> {
        try (Statement s = watch.createStatement(); ResultSet rs = s.executeQuery(
            "select count(*) from pg_stat_activity where datname = current_database() and wait_event_type = 'Lock'")) {
          rs.next();
          return rs.getLong(1) > 0;
        }
      });
      Thread.sleep(CALLER_WAITS_FOR_MUSIC.plusSeconds(1).toMillis());
      lock.commit();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static SimulationOptions options(URI url, int agiPort) {
    return new SimulationOptions(url, "poisson", 1, SPEEDUP, 1, 16, Path.of("unused"), "demo1234", 60, 600, 0)
        .phoningAgi(agiPort);
  }

  private Map<String, Object> figures(EmbeddedServer server, String token, String scope) throws Exception {
    return http.map(server, http.send(server, "GET", "/api/v1/service-levels?" + scope + "&window=today", null, token));
  }
}
