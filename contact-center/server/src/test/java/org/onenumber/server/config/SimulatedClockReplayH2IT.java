package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.Simulation;
import org.onenumber.ops.simulator.SimulationLedger;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * The simulated clock end to end: a seeded replay of 2,000 Korean voice contacts (queue
 * {@code general-ko}, T = 15 s, 40 demo operators) against a server whose clock runs at the
 * replay's speed-up; the server's live SL15 and ASA must equal what the simulated citizens saw,
 * within rounding. At 200× the trace is a realistic load (AHT 240 s, patience 180 s, offered at
 * 90 % of the line's capacity, ≈ 1.5 min of wall time); at 1× the same number of contacts with
 * a 4 s handle time, 20 s patience and 110 % load, so that the queue grows past the threshold
 * and the run ends in ≈ 4 minutes. The bounds:
 * counts within 1 % (citizens who hang up while an accept is in flight), SL within 2 points, ASA
 * within 1 s + 10 ms of wall time per trace second (HTTP round trips are stamped on both sides).
 * Replay one run with {@code -Dtests.seed=N}.
 */
class SimulatedClockReplayH2IT {

  private static final long SEED = Long.getLong("tests.seed", 20260415L);
  private static final int CONTACTS = 2_000;
  private final TestHttp http = new TestHttp();

  @Test
  void serverServiceLevelsEqualTheSimulatorsAt200x() throws Exception {
    replayAndCompare(200, 240, 180, 0.9);
  }

  @Test
  void serverServiceLevelsEqualTheSimulatorsAt1x() throws Exception {
    replayAndCompare(1, 4, 20, 1.1);
  }

  private void replayAndCompare(double speedup, double ahtSeconds, double patienceSeconds, double load)
      throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(speedup),
        "onenumber.simulation.clock.start", "2026-04-15T09:00:00+09:00");
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
        ServerTime.SIMULATION)) {
      SimulationOptions options = new SimulationOptions(URI.create(server.getURL() + "/"), "poisson", CONTACTS,
          speedup, 40, SEED, Path.of("unused"), "demo1234", ahtSeconds, patienceSeconds, 0.08);
      System.out.printf("[replay %.0fx] seed %d%n", speedup, SEED);
      SimulationLedger.Summary sim = new Simulation(options, trace(ahtSeconds, load)).run().summary(15);
      Map<String, Object> live = http.map(server, http.send(server, "GET",
          "/api/v1/service-levels?scope=center&window=today", null, http.login(server, "sv-01")));
      double slServer = ((Number) live.get("serviceLevel")).doubleValue();
      double asaServer = ((Number) live.get("asaSeconds")).doubleValue();
      System.out.printf("[replay %.0fx] offered %d/%s answered %d/%s abandoned %d/%s SL15 %.3f/%.3f ASA %.2f/%.2f%n",
          speedup, sim.offered(), live.get("offered"), sim.answered(), live.get("answered"), sim.abandoned(),
          live.get("abandoned"), sim.serviceLevel(), slServer, sim.asaSeconds(), asaServer);
      assertEquals(CONTACTS, sim.offered());
      assertEquals(CONTACTS, ((Number) live.get("offered")).longValue());
      assertEquals(sim.answered(), ((Number) live.get("answered")).longValue(), CONTACTS / 100.0, "answered");
      assertTrue(sim.answered() > CONTACTS / 2 && sim.serviceLevel() > 0.05 && sim.serviceLevel() < 0.999,
          "the replay must queue, or the comparison proves nothing: " + sim);
      assertEquals(sim.serviceLevel(), slServer, 0.02, "SL15 simulator vs server");
      assertEquals(sim.asaSeconds(), asaServer, 1 + speedup * 0.01, "ASA simulator vs server (trace s)");
    }
  }

  /**
   * Korean voice contacts at {@code load} × what the 33 demo operators on {@code general-ko} can
   * take: inter-arrival gaps exponential with mean AHT ÷ (load × 33).
   */
  private static List<Arrival> trace(double ahtSeconds, double load) {
    SplittableRandom random = new SplittableRandom(SEED);
    double meanGapMillis = ahtSeconds * 1000 / (load * 33);
    List<Arrival> arrivals = new ArrayList<>(CONTACTS);
    double at = 0;
    for (int i = 0; i < CONTACTS; i++) {
      at += -Math.log(1 - random.nextDouble()) * meanGapMillis;
      arrivals.add(new Arrival((long) at, Channel.VOICE, "ko", "버스 운행", "transport",
          "citizen-" + random.nextInt(CONTACTS / 3)));
    }
    return arrivals;
  }
}
