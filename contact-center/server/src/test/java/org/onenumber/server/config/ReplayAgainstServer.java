package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.ops.simulator.Arrival;
import org.onenumber.ops.simulator.Simulation;
import org.onenumber.ops.simulator.SimulationLedger;
import org.onenumber.ops.simulator.SimulationOptions;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.testkit.FakeTwilioApi;

/**
 * Test helper: starts a server in the simulation environment with its clock at the replay's
 * speed-up (fresh H2 database), plays a trace with the ops {@link Simulation}, and compares the
 * server's center figures with what the simulated citizens saw — the live "today" figures, or for
 * a trace lined up with a server day (a city day: the clock starts a whole trace day before the
 * day's midnight, and the simulator, once ready, sets it forward to a short margin before that
 * midnight, so a slow start in a loaded CI does not eat the day's first hours) the day report's
 * total, since the last contacts of the day end after the server's next midnight (queues get a long offer
 * timeout first, see {@link #offerTimeout}). The bounds: at least 95 % of the trace
 * opened (a shared machine under load times some requests out; the simulator counts them),
 * offered, answered and abandoned within 1 % (an intake or accept whose answer the client never got),
 * SL15 within {@code slPoints}, ASA within 1 s plus 10 ms of wall time per trace second (the HTTP
 * round trips the two sides stamp at different ends).
 */
final class ReplayAgainstServer {

  private static final int OFFER_TIMEOUT_S = 600;
  /** The test server's Twilio auth token: a replay given it texts through signed webhooks. */
  static final String TWILIO_TOKEN = "test-auth-token-0123456789abcdef";
  private static final ZoneId SEOUL = ZoneId.of("Asia/Seoul");
  /** The replayed day's midnight on the server's clock. */
  private static final Instant DAY = Instant.parse("2026-04-15T00:00:00+09:00");
  private final TestHttp http = new TestHttp();

  /** What both sides measured. */
  record Outcome(SimulationLedger.Summary simulator, Map<String, Object> server) {}

  Outcome replay(SimulationOptions options, List<Arrival> trace, Map<String, Object> extraProperties)
      throws Exception {
    Instant clockStart = options.alignedToServerDay() ? DAY.minus(java.time.Duration.ofDays(1)) : DAY;
    Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(options.speedup()),
        "onenumber.simulation.clock.start", clockStart.toString()));
    properties.put("onenumber.twilio.account-sid", "AC00000000000000000000000000000000");
    properties.put("onenumber.twilio.auth-token", TWILIO_TOKEN);
    properties.putAll(extraProperties);
    try (FakeTwilioApi twilio = new FakeTwilioApi()) {
      properties.put("onenumber.twilio.api-base", twilio.baseUri().toString());
      return replayOn(options, trace, properties);
    }
  }

  private Outcome replayOn(SimulationOptions options, List<Arrival> trace, Map<String, Object> properties)
      throws Exception {
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
        ServerTime.SIMULATION)) {
      offerTimeout(server, OFFER_TIMEOUT_S);
      SimulationOptions at = options.at(URI.create(server.getURL() + "/"))
          .onDay(options.alignedToServerDay() ? LocalDate.ofInstant(DAY, SEOUL) : null, options.twilioAuthToken());
      SimulationLedger.Summary sim = new Simulation(at, trace).run().summary(15);
      String supervisor = http.login(server, "sv-01");
      Map<String, Object> figures = options.alignedToServerDay() ? dayTotal(server, supervisor)
          : http.map(server, http.send(server, "GET", "/api/v1/service-levels?scope=center&window=today", null,
              supervisor));
      System.out.printf("[replay %.0fx, seed %d] offered %d/%s answered %d/%s abandoned %d/%s SL15 %.3f/%s"
          + " ASA %.2f/%s%n", options.speedup(), options.seed(), sim.offered(), figures.get("offered"), sim.answered(),
          figures.get("answered"), sim.abandoned(), figures.get("abandoned"), sim.serviceLevel(),
          figures.get("serviceLevel"), sim.asaSeconds(), figures.get("asaSeconds"));
      return new Outcome(sim, figures);
    }
  }

  /** The center's {@code total} row of the replayed day's interval report (the whole day). */
  @SuppressWarnings("unchecked")
  private Map<String, Object> dayTotal(EmbeddedServer server, String supervisor) throws Exception {
    Map<String, Object> report = http.map(server, http.send(server, "GET", "/api/v1/reports/intervals?date="
        + LocalDate.ofInstant(DAY, SEOUL) + "&minutes=15", null, supervisor));
    return ((List<Map<String, Object>>) report.get("rows")).stream()
        .filter(r -> "center".equals(r.get("scope")) && "total".equals(r.get("interval")))
        .findFirst().orElseThrow(() -> new AssertionError("no center total in " + report));
  }

  /**
   * Every queue gives operators {@code seconds} of trace time to pick an offer up (replays: {@value
   * #OFFER_TIMEOUT_S}): a simulated operator's wall reaction (socket frame, HTTP accept) times the speed-up must not
   * turn into missed offers (20 s of trace time is 100 ms of wall time at 200×, which a busy
   * shared machine does not always meet). Both sides still stamp the same answer.
   */
  @SuppressWarnings("unchecked")
  static void offerTimeout(EmbeddedServer server, int seconds) throws Exception {
    TestHttp http = new TestHttp();
    String admin = http.login(server, "admin");
    List<Map<String, Object>> queues = (List<Map<String, Object>>) http.map(server,
        http.send(server, "GET", "/api/v1/queues", null, admin)).get("items");
    JsonMapper json = server.getApplicationContext().getBean(JsonMapper.class);
    for (Map<String, Object> queue : queues) {
      String path = "/api/v1/admin/queues/" + queue.get("id");
      HttpResponse<String> configured = http.send(server, "GET", path, null, admin);
      // a queue the engine has not configured yet: the directory's view is a whole body
      Map<String, Object> config = new HashMap<>(configured.statusCode() == 200 ? http.map(server, configured) : queue);
      config.remove("id");
      config.put("offerTimeoutSeconds", seconds);
      HttpResponse<String> put = http.send(server, "PUT", path, new String(json.writeValueAsBytes(config),
          StandardCharsets.UTF_8), admin);
      assertEquals(200, put.statusCode(), put.body());
    }
  }

  static void assertAgreement(Outcome outcome, long contacts, double speedup, double slPoints) {
    SimulationLedger.Summary sim = outcome.simulator();
    Map<String, Object> live = outcome.server();
    assertTrue(sim.offered() >= contacts * 0.95, "the server took too few contacts (overloaded?): " + sim);
    assertEquals(sim.offered(), number(live, "offered"), contacts / 100.0, "offered");
    assertEquals(sim.answered(), number(live, "answered"), contacts / 100.0, "answered");
    assertEquals(sim.abandoned(), number(live, "abandoned"), contacts / 100.0, "abandoned");
    assertTrue(sim.answered() > contacts / 2 && sim.serviceLevel() > 0.05 && sim.serviceLevel() < 0.999,
        "the replay must queue, or the comparison proves nothing: " + sim);
    assertEquals(sim.serviceLevel(), number(live, "serviceLevel"), slPoints / 100, "SL15 simulator vs server");
    assertEquals(sim.asaSeconds(), number(live, "asaSeconds"), 1 + speedup * 0.01, "ASA simulator vs server");
  }

  private static double number(Map<String, Object> live, String key) {
    return ((Number) live.get(key)).doubleValue();
  }
}
