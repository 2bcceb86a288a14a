package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.onenumber.core.contact.Channel;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.Simulation;
import org.onenumber.ops.simulator.SimulationLedger;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.testkit.FakeTwilioApi;

/**
 * A replay lined up with the server's day, however long the server took to start: the server's
 * clock (100×) starts a whole trace day before 2026-04-15 00:00 in Seoul (864 s of wall time), the
 * test lets it run on for a slow start's {@value #SLOW_START_WALL_S} wall seconds, and the
 * simulator, told that date, once ready sets the server's clock forward to a short margin before
 * that midnight ({@code PUT /api/v1/admin/simulation/clock}) and waits for it before its trace
 * second 0 — seconds, not the rest of the trace day (before, the day began when the clock got
 * there: a start slower than the lead crowded the first trace hours, a faster one waited). Twelve contacts in each of the
 * day's first two quarter hours, kept 120 trace seconds (1.2 wall seconds) away from the interval
 * edges (by turns a call, a text through a signed Twilio webhook and a chat over {@code /ws/chat}),
 * must land in those two intervals of the
 * server's day report and none on the day before, with the same answered and abandoned counts.
 * Small enough for a busy machine; the whole-day agreement is {@link SmallCityDayH2IT}. Then the
 * clock is not set back: an earlier time is refused (409), the clock runs on.
 */
class ServerDayAlignmentH2IT {

  private static final double SPEEDUP = 100;
  /** A slow start's extra wall seconds (500 trace seconds at 100×): the day must not begin late. */
  private static final long SLOW_START_WALL_S = 5;
  private static final String TOKEN = "test-auth-token-0123456789abcdef";
  private static final Instant MIDNIGHT = Instant.parse("2026-04-15T00:00:00+09:00");
  private final TestHttp http = new TestHttp();

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS) // waiting for the clock to reach midnight would take 864 s
  void arrivalsReachTheServerAtItsDaysMidnightPlusTheirTraceOffset() throws Exception {
    Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(SPEEDUP),
        "onenumber.simulation.clock.start", MIDNIGHT.minus(Duration.ofDays(1)).toString(),
        "onenumber.twilio.account-sid", "AC00000000000000000000000000000000", "onenumber.twilio.auth-token", TOKEN));
    try (FakeTwilioApi twilio = new FakeTwilioApi()) {
      properties.put("onenumber.twilio.api-base", twilio.baseUri().toString());
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
          ServerTime.SIMULATION)) {
        TimeUnit.SECONDS.sleep(SLOW_START_WALL_S);
        replay(server);
        neverSetBack(server);
      }
    }
  }

  @SuppressWarnings("unchecked")
  private void replay(EmbeddedServer server) throws Exception {
    SimulationOptions options = new SimulationOptions(URI.create(server.getURL() + "/"), "poisson", 24, SPEEDUP,
        4, 7L, Path.of("unused"), "demo1234", 60, 600, 0, LocalDate.of(2026, 4, 15), TOKEN);
    Simulation simulation = new Simulation(options, trace());
    long replayed = System.nanoTime();
    SimulationLedger.Summary sim = simulation.run().summary(15);
    double wall = (System.nanoTime() - replayed) / 1e9;
    assertEquals(MIDNIGHT, simulation.serverTimeAtStart());
    assertTrue(simulation.dayStartSetWhenReady(), "the server's clock was set forward once the simulator was ready");
    assertTrue(simulation.startedOnTime(), "no arrival went out late");
    // 10 s of margin, 30 trace minutes (18 s) of arrivals, the last patience (≤ 600 trace s, 6 s)
    assertTrue(wall < 120, "the replay took " + wall + " s of wall time: it waited for the clock");
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

  /** Once set, the clock is never set back (a stamp would lie in its future): 409, and it runs on. */
  private void neverSetBack(EmbeddedServer server) throws Exception {
    String admin = http.login(server, "admin");
    java.net.http.HttpResponse<String> back = http.send(server, "PUT", "/api/v1/admin/simulation/clock",
        "{\"time\":\"" + MIDNIGHT + "\"}", admin);
    assertEquals(409, back.statusCode(), back.body());
    assertTrue(back.body().contains("only moves forward"), back.body());
    assertTrue(server.getApplicationContext().getBean(ServerTime.class).clock().instant().isAfter(MIDNIGHT));
    java.net.http.HttpResponse<String> operator = http.send(server, "PUT", "/api/v1/admin/simulation/clock",
        "{\"time\":\"2026-04-16T00:00:00+09:00\"}", http.login(server, "op-001"));
    assertEquals(403, operator.statusCode(), "administrators only");
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
