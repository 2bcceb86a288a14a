package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
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
import org.onenumber.testkit.FakeTwilioApi;

/**
 * A replay lined up with the server's day: the server's clock (100×) starts 60 wall seconds ×
 * 100 before 2026-04-15 00:00 in Seoul, and the simulator, told that date, waits until the
 * server's clock reads that midnight before its trace second 0. Twelve contacts in each of the
 * day's first two quarter hours, kept 120 trace seconds (1.2 wall seconds) away from the interval
 * edges (by turns a call, a text through a signed Twilio webhook and a chat over {@code /ws/chat}),
 * must land in those two intervals of the
 * server's day report and none on the day before, with the same answered and abandoned counts.
 * Small enough for a busy machine; the whole-day agreement is {@link SmallCityDayH2IT}.
 */
class ServerDayAlignmentH2IT {

  private static final double SPEEDUP = 100;
  /** Wall seconds from the server's clock starting to its midnight: start-up and logins fit in. */
  private static final double LEAD_WALL_S = 60;
  private static final String TOKEN = "test-auth-token-0123456789abcdef";
  private static final Instant MIDNIGHT = Instant.parse("2026-04-15T00:00:00+09:00");
  private final TestHttp http = new TestHttp();

  @Test
  void arrivalsReachTheServerAtItsDaysMidnightPlusTheirTraceOffset() throws Exception {
    Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(SPEEDUP),
        "onenumber.simulation.clock.start", MIDNIGHT.minusSeconds((long) (LEAD_WALL_S * SPEEDUP)).toString(),
        "onenumber.twilio.account-sid", "AC00000000000000000000000000000000", "onenumber.twilio.auth-token", TOKEN));
    try (FakeTwilioApi twilio = new FakeTwilioApi()) {
      properties.put("onenumber.twilio.api-base", twilio.baseUri().toString());
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
          ServerTime.SIMULATION)) {
        replay(server);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void replay(EmbeddedServer server) throws Exception {
    SimulationOptions options = new SimulationOptions(URI.create(server.getURL() + "/"), "poisson", 24, SPEEDUP,
        4, 7L, Path.of("unused"), "demo1234", 60, 600, 0, LocalDate.of(2026, 4, 15), TOKEN);
    Simulation simulation = new Simulation(options, trace());
    SimulationLedger.Summary sim = simulation.run().summary(15);
    assertEquals(MIDNIGHT, simulation.serverTimeAtStart());
    assertTrue(simulation.startedOnTime(), "the server's clock passed midnight before the simulator was ready ("
        + LEAD_WALL_S + " s of start-up allowed): arrivals went out late");
    assertEquals(24, sim.offered(), "every contact opened");
    String supervisor = http.login(server, "sv-01");
    List<Map<String, Object>> day = (List<Map<String, Object>>) http.map(server, http.send(server, "GET",
        "/api/v1/reports/intervals?date=2026-04-15&minutes=15", null, supervisor)).get("rows");
    Map<String, Number> offered = new HashMap<>();
    day.stream().filter(r -> "center".equals(r.get("scope")))
        .forEach(r -> offered.put((String) r.get("interval"), (Number) r.get("offered")));
    assertEquals(12, offered.get("2026-04-14T15:00:00Z").intValue(), "00:00–00:15 in Seoul: " + offered);
    assertEquals(12, offered.get("2026-04-14T15:15:00Z").intValue(), "00:15–00:30 in Seoul: " + offered);
    assertEquals(24, offered.get("total").intValue(), offered.toString());
    Map<String, Object> total = day.stream().filter(r -> "center".equals(r.get("scope"))
        && "total".equals(r.get("interval"))).findFirst().orElseThrow();
    assertEquals(sim.answered(), ((Number) total.get("answered")).longValue(), "answered: " + sim + " / " + total);
    assertEquals(sim.abandoned(), ((Number) total.get("abandoned")).longValue(), "abandoned: " + sim + " / " + total);
    List<Map<String, Object>> before = (List<Map<String, Object>>) http.map(server, http.send(server, "GET",
        "/api/v1/reports/intervals?date=2026-04-14&minutes=15", null, supervisor)).get("rows");
    assertTrue(before.stream().filter(r -> "total".equals(r.get("interval")) && "center".equals(r.get("scope")))
        .allMatch(r -> ((Number) r.get("offered")).intValue() == 0), "nothing on the day before: " + before);
  }

  /**
   * Twelve Korean contacts every 60 trace seconds from 00:02 and again from 00:17, by turns a call
   * ({@code POST /api/v1/contacts}), a text (a signed Twilio webhook) and a chat ({@code /ws/chat}).
   */
  private static List<Arrival> trace() {
    List<Arrival> arrivals = new ArrayList<>();
    for (int quarter = 0; quarter < 2; quarter++) {
      for (int i = 0; i < 12; i++) {
        long at = (quarter * 900L + 120 + i * 60L) * 1000;
        Channel channel = List.of(Channel.VOICE, Channel.SMS, Channel.CHAT).get(i % 3);
        arrivals.add(new Arrival(at, channel, "ko", "버스 운행", "transport", "citizen-" + quarter + "-" + i));
      }
    }
    return arrivals;
  }
}
