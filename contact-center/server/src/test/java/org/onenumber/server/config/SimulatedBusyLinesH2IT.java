package org.onenumber.server.config;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.Simulation;
import org.onenumber.ops.simulator.SimulationLedger;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.server.admission.IntakeAdmission;
import org.onenumber.server.admission.IntakeKind;

/**
 * Callers who hear "all our lines are busy" call again (issue #17): the server's call lane holds
 * one call ({@code onenumber.admission.calls=1}) and the test holds that place, so the IVR turns
 * every call away with {@code lines-busy} (nothing stored); the simulator's callers redial after 1–5
 * trace minutes, at most three times. At 200×:
 *
 * <ol>
 *   <li>twelve calls in the first ten trace seconds are all turned away once, then the place is
 *       given back: every caller gets through on a redial, and the two sides count the same twelve
 *       contacts (offered, answered, abandoned, for the center and for VOICE), none lost and none
 *       twice; every busy call the server shed is a redial the simulator made;
 *   <li>the place held for good, two more calls are turned away four times each and their callers
 *       give up: no contact on either side, 6 redials and 2 give-ups for 8 calls shed.
 * </ol>
 *
 * (Before, a turned-away caller counted as "rejected" and was lost from the day.)
 */
@RunsAlone
class SimulatedBusyLinesH2IT {

  private static final double SPEEDUP = 200;
  private static final int CALLS = 12;
  private final TestHttp http = new TestHttp();

  @Test
  void aCallerWhoHearsTheLinesAreBusyCallsAgainAndGivesUpAfterTheLastTry() throws Exception {
    int agiPort = SimulatedCallsH2IT.freePort();
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(SPEEDUP),
        "onenumber.simulation.clock.start", Instant.parse("2026-04-15T10:00:00+09:00").toString(),
        "onenumber.telephony.asterisk.agi.enabled", "true", "onenumber.telephony.asterisk.agi.port", agiPort,
        "onenumber.admission.calls", 1);
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
        ServerTime.SIMULATION)) {
      ReplayAgainstServer.offerTimeout(server, 600);
      IntakeAdmission admission = server.getApplicationContext().getBean(IntakeAdmission.class);
      URI url = URI.create(server.getURL() + "/");

      IntakeAdmission.Permit held = admission.enter(IntakeKind.CALL);
      Thread release = Thread.ofVirtual().start(() -> {
        await().atMost(Duration.ofSeconds(60)).until(() -> admission.shed(IntakeKind.CALL) >= CALLS);
        held.close();
      });
      SimulationLedger first = new Simulation(options(url, agiPort, CALLS, 17), calls(CALLS, 10)).run();
      release.join();
      SimulationLedger.Summary sim = first.summary(15);
      String supervisor = http.login(server, "sv-01");
      await().atMost(Duration.ofSeconds(20))
          .until(() -> SimulatedCallsH2IT.number(figures(server, supervisor, "scope=center"), "waiting") == 0);
      assertEquals(CALLS, sim.offered(), "every caller got through on a redial: " + sim + ", redials "
          + first.redials() + ", gave up " + first.gaveUp() + ", call errors " + first.callErrors());
      assertEquals(0, first.gaveUp());
      assertEquals(admission.shed(IntakeKind.CALL), first.redials(), "each call the server shed was redialled");
      assertTrue(first.redials() >= CALLS);
      assertEquals(CALLS, SimulatedCallsH2IT.count(server, "select count(*) from contact where channel = 'VOICE'"), "none lost, none twice");
      for (String scope : List.of("scope=center", "scope=channel&id=VOICE")) {
        Map<String, Object> figures = figures(server, supervisor, scope);
        assertEquals(sim.offered(), SimulatedCallsH2IT.number(figures, "offered"), "offered " + figures);
        assertEquals(sim.answered(), SimulatedCallsH2IT.number(figures, "answered"), "answered " + figures);
        assertEquals(sim.abandoned(), SimulatedCallsH2IT.number(figures, "abandoned"), "abandoned " + figures);
      }

      long shedBefore = admission.shed(IntakeKind.CALL);
      try (IntakeAdmission.Permit forGood = admission.enter(IntakeKind.CALL)) {
        SimulationLedger second = new Simulation(options(url, agiPort, 2, 18), calls(2, 10)).run();
        assertEquals(0, second.summary(15).offered());
        assertEquals(2, second.gaveUp(), "four busy calls each, then the callers give up");
        assertEquals(6, second.redials());
        assertEquals(8, admission.shed(IntakeKind.CALL) - shedBefore);
      }
      assertEquals(CALLS, SimulatedCallsH2IT.count(server, "select count(*) from contact where channel = 'VOICE'"));
    }
  }

  private static SimulationOptions options(URI url, int agiPort, int calls, long seed) {
    return new SimulationOptions(url, "poisson", calls, SPEEDUP, 4, seed, Path.of("unused"), "demo1234", 60, 600, 0)
        .phoningAgi(agiPort);
  }

  /** {@code n} Korean calls spread over the first {@code seconds} trace seconds. */
  private static List<Arrival> calls(int n, int seconds) {
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      arrivals.add(new Arrival(i * seconds * 1000L / n, Channel.VOICE, "ko", "수도 누수", "water", "busy-" + n + "-" + i));
    }
    return arrivals;
  }

  private Map<String, Object> figures(EmbeddedServer server, String token, String scope) throws Exception {
    return http.map(server, http.send(server, "GET", "/api/v1/service-levels?" + scope + "&window=today", null, token));
  }
}
