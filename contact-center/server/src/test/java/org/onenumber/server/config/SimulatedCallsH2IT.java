package org.onenumber.server.config;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.Simulation;
import org.onenumber.ops.simulator.SimulationLedger;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.telephony.asterisk.AsteriskCalls;

/**
 * The simulator's voice citizens against the server's real FastAGI IVR (no AMI: the session
 * reports answers and hang-ups itself): 100 seeded calls in ten trace minutes, in Korean, English,
 * Chinese and Japanese, to 10 operators (handle time 90 s, patience 90 s), so calls queue, are
 * answered when a simulated operator's phone rings, and are abandoned when patience runs out; at
 * 20× and at 200× (where a Dial can reach the caller before its own thread has seen the music,
 * and the IVR's wall-time hang-up probe is 100 trace seconds).
 * Every call must become a VOICE contact opened by the IVR (topic {@code ivr:…}), and the
 * simulator's offered, answered and abandoned must equal the server's, for the center and for the
 * VOICE channel; no call may stay carried after the day.
 */
class SimulatedCallsH2IT {

  private static final long SEED = Long.getLong("tests.seed", 17L);
  private static final int CALLS = 100;
  private static final List<String> LANGUAGES = List.of("ko", "ko", "ko", "ko", "ko", "ko", "ko", "en", "zh", "ja");
  private final TestHttp http = new TestHttp();

  @Test
  void simulatedCallersAndTheServerCountTheSameCallsAt20x() throws Exception {
    simulatedCallersAndTheServerCountTheSameCalls(20);
  }

  /** At 200× the simulator's callers and the IVR race within milliseconds: this one has the cores to itself. */
  @Test
  @RunsAlone
  void simulatedCallersAndTheServerCountTheSameCallsAt200x() throws Exception {
    simulatedCallersAndTheServerCountTheSameCalls(200);
  }

  private void simulatedCallersAndTheServerCountTheSameCalls(double speedup) throws Exception {
    int agiPort = freePort();
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(speedup),
        "onenumber.simulation.clock.start", Instant.parse("2026-04-15T09:00:00+09:00").toString(),
        "onenumber.telephony.asterisk.agi.enabled", "true", "onenumber.telephony.asterisk.agi.port", agiPort);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
        ServerTime.SIMULATION)) {
      ReplayAgainstServer.offerTimeout(server, 600);
      SimulationOptions options = new SimulationOptions(URI.create(server.getURL() + "/"), "poisson", CALLS, speedup,
          10, SEED, Path.of("unused"), "demo1234", 90, 90, 0.08).phoningAgi(agiPort);
      SimulationLedger.Summary sim = new Simulation(options, trace()).run().summary(15);

      String supervisor = http.login(server, "sv-01");
      // the last hang-ups reach the server through the IVR and the routing context after the
      // simulator stopped counting: compare once the server holds no call waiting
      await().atMost(Duration.ofSeconds(20))
          .until(() -> number(figures(server, supervisor, "scope=center"), "waiting") == 0);
      Map<String, Object> center = figures(server, supervisor, "scope=center");
      Map<String, Object> voice = figures(server, supervisor, "scope=channel&id=VOICE");
      System.out.printf("[simulated calls %.0fx] offered %d/%s answered %d/%s abandoned %d/%s SL15 %.3f/%s%n",
          speedup, sim.offered(), voice.get("offered"), sim.answered(), voice.get("answered"), sim.abandoned(),
          voice.get("abandoned"), sim.serviceLevel(), voice.get("serviceLevel"));
      assertEquals(CALLS, sim.offered(), "every call reached an operator's queue: " + sim);
      assertEquals(CALLS, count(server, "select count(*) from contact where channel = 'VOICE' and topic like 'ivr:%'"),
          "every call opened by the IVR");
      for (Map<String, Object> figures : List.of(center, voice)) {
        assertEquals(sim.offered(), number(figures, "offered"), "offered " + figures);
        assertEquals(sim.answered(), number(figures, "answered"), "answered " + figures);
        assertEquals(sim.abandoned(), number(figures, "abandoned"), "abandoned " + figures);
      }
      assertTrue(sim.answered() > 0 && sim.abandoned() > 0, "calls answered and abandoned: " + sim);
      AsteriskCalls calls = server.getApplicationContext().getBean(AsteriskCalls.class);
      await().atMost(Duration.ofSeconds(20)).until(() -> calls.all().isEmpty());
    }
  }

  /** {@value #CALLS} calls at seeded instants in the first ten trace minutes, 70 % Korean. */
  private static List<Arrival> trace() {
    SplittableRandom random = new SplittableRandom(SEED);
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < CALLS; i++) {
      arrivals.add(new Arrival(random.nextLong(600_000), Channel.VOICE, LANGUAGES.get(random.nextInt(LANGUAGES.size())),
          "수도 누수", "water", "caller-" + i));
    }
    arrivals.sort(java.util.Comparator.comparingLong(Arrival::offsetMillis));
    return arrivals;
  }

  private Map<String, Object> figures(EmbeddedServer server, String token, String scope) throws Exception {
    return http.map(server, http.send(server, "GET", "/api/v1/service-levels?" + scope + "&window=today", null, token));
  }

  static long count(EmbeddedServer server, String sql) throws SQLException {
    try (Connection c = server.getApplicationContext().getBean(DataSource.class).getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static long number(Map<String, Object> figures, String key) {
    return ((Number) figures.get(key)).longValue();
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
