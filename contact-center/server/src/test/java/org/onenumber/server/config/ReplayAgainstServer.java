package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.Simulation;
import org.onenumber.ops.simulator.SimulationLedger;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * Test helper: starts a server in the simulation environment with its clock at the replay's
 * speed-up (fresh H2 database), plays a trace with the ops {@link Simulation}, and compares the
 * server's live center figures with what the simulated citizens saw. The bounds: every contact
 * offered on both sides, answered within 1 % (citizens who hang up while an accept is in flight),
 * SL15 within {@code slPoints}, ASA within 1 s plus 10 ms of wall time per trace second (the HTTP
 * round trips the two sides stamp at different ends).
 */
final class ReplayAgainstServer {

  private final TestHttp http = new TestHttp();

  /** What both sides measured. */
  record Outcome(SimulationLedger.Summary simulator, Map<String, Object> server) {}

  Outcome replay(SimulationOptions options, List<Arrival> trace, Map<String, Object> extraProperties)
      throws Exception {
    Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(options.speedup()),
        "onenumber.simulation.clock.start", "2026-04-15T00:00:00+09:00"));
    properties.putAll(extraProperties);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
        ServerTime.SIMULATION)) {
      SimulationOptions at = new SimulationOptions(URI.create(server.getURL() + "/"), options.trace(),
          options.contacts(), options.speedup(), options.agents(), options.seed(), Path.of("unused"),
          options.password(), options.ahtSeconds(), options.patienceSeconds(), options.escalateShare());
      SimulationLedger.Summary sim = new Simulation(at, trace).run().summary(15);
      Map<String, Object> live = http.map(server, http.send(server, "GET",
          "/api/v1/service-levels?scope=center&window=today", null, http.login(server, "sv-01")));
      System.out.printf("[replay %.0fx, seed %d] offered %d/%s answered %d/%s abandoned %d/%s SL15 %.3f/%s"
          + " ASA %.2f/%s%n", options.speedup(), options.seed(), sim.offered(), live.get("offered"), sim.answered(),
          live.get("answered"), sim.abandoned(), live.get("abandoned"), sim.serviceLevel(), live.get("serviceLevel"),
          sim.asaSeconds(), live.get("asaSeconds"));
      return new Outcome(sim, live);
    }
  }

  static void assertAgreement(Outcome outcome, long contacts, double speedup, double slPoints) {
    SimulationLedger.Summary sim = outcome.simulator();
    Map<String, Object> live = outcome.server();
    assertEquals(contacts, sim.offered());
    assertEquals(contacts, number(live, "offered"));
    assertEquals(sim.answered(), number(live, "answered"), contacts / 100.0, "answered");
    assertTrue(sim.answered() > contacts / 2 && sim.serviceLevel() > 0.05 && sim.serviceLevel() < 0.999,
        "the replay must queue, or the comparison proves nothing: " + sim);
    assertEquals(sim.serviceLevel(), number(live, "serviceLevel"), slPoints / 100, "SL15 simulator vs server");
    assertEquals(sim.asaSeconds(), number(live, "asaSeconds"), 1 + speedup * 0.01, "ASA simulator vs server");
  }

  private static double number(Map<String, Object> live, String key) {
    return ((Number) live.get(key)).doubleValue();
  }
}
