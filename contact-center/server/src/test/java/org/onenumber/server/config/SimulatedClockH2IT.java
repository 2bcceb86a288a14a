package org.onenumber.server.config;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;

/**
 * The simulated clock in a running server at 200×, with margins a busy shared machine meets: the
 * server's time runs from the chosen start at the speed-up, an offer times out after its 20 trace
 * seconds (0.1 s of wall time, not 20 s), and a wait is counted in trace seconds in the live
 * figures. (That the keys refuse the start elsewhere: {@code ServerTimeTest}.)
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatedClockH2IT {

  private static final double SPEEDUP = 200;
  private static final Instant START = Instant.parse("2026-04-14T15:00:00Z");
  private final TestHttp http = new TestHttp();
  private EmbeddedServer server;
  private long startedNanos;

  @BeforeAll
  void start() {
    server = ApplicationContext.run(EmbeddedServer.class, Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(SPEEDUP),
        "onenumber.simulation.clock.start", "2026-04-15T00:00:00+09:00"), "test", ServerTime.SIMULATION);
    startedNanos = System.nanoTime();
  }

  @AfterAll
  void stop() {
    server.close();
  }

  @Test
  void serverTimeRunsFromTheChosenStartAtTheSpeedUp() throws Exception {
    String op = http.login(server, "op-002");
    long before = System.nanoTime();
    Instant serverTime = Instant.parse((String) work("op-002", op).get("serverTime"));
    double wallSinceStart = (System.nanoTime() - before) / 1e9;
    double traceSeconds = Duration.between(START, serverTime).toMillis() / 1000.0;
    double upper = (System.nanoTime() - startedNanos) / 1e9 * SPEEDUP + 60 * SPEEDUP;
    assertTrue(traceSeconds > wallSinceStart && traceSeconds < upper, "trace seconds since start: " + traceSeconds);
  }

  @Test
  @Order(1)
  void anOfferTimesOutAfterItsTraceSecondsNotWallSeconds() throws Exception {
    String supervisor = http.login(server, "sv-01");
    String op = http.login(server, "op-003");
    assertEquals(200, http.send(server, "POST", "/api/v1/agents/op-003/login", "{\"queues\":[\"general-ko-priority\"]}",
        op).statusCode());
    open("general-ko-priority", "010-5555-0301", supervisor);
    long offeredWithin = System.nanoTime();
    await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(() ->
        "NOT_RESPONDING".equals(((Map<?, ?>) work("op-003", op).get("agent")).get("state")));
    assertTrue(System.nanoTime() - offeredWithin < 10_000_000_000L, "a wall-clock offer timeout would take 20 s");
  }

  /** With an hour's offer timeout (18 s of wall time), so that the test sees the offer. */
  @Test
  @Order(2)
  @SuppressWarnings("unchecked")
  void aWaitIsCountedInTraceSeconds() throws Exception {
    String supervisor = http.login(server, "sv-01");
    String op = http.login(server, "op-002");
    ReplayAgainstServer.offerTimeout(server, 3_600);
    long opened = System.nanoTime();
    String contact = open("tax-ko", "010-5555-0302", supervisor);
    await().pollDelay(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> true);
    assertEquals(200, http.send(server, "POST", "/api/v1/agents/op-002/login", "{\"queues\":[\"tax-ko\"]}", op)
        .statusCode());
    await().atMost(Duration.ofSeconds(10)).until(() -> !((List<?>) work("op-002", op).get("offers")).isEmpty());
    Map<String, Object> offer = ((List<Map<String, Object>>) work("op-002", op).get("offers")).get(0);
    assertEquals(contact, offer.get("contactId"));
    HttpResponse<String> accepted = http.send(server, "POST", "/api/v1/offers/" + offer.get("offerId") + "/accept",
        "{}", op);
    double wallWait = (System.nanoTime() - opened) / 1e9;
    assertEquals(200, accepted.statusCode(), accepted.body());
    Map<String, Object> queue = http.map(server, http.send(server, "GET",
        "/api/v1/service-levels?scope=queue&id=tax-ko&window=today", null, supervisor));
    double asa = ((Number) queue.get("asaSeconds")).doubleValue();
    assertTrue(asa >= 0.5 * SPEEDUP && asa <= wallWait * SPEEDUP, "ASA " + asa + " s for a wait of " + wallWait
        + " s of wall time at " + SPEEDUP + "×");
    assertEquals(0.0, ((Number) queue.get("serviceLevel")).doubleValue(), "100 trace seconds are past T = 20 s");
  }

  private String open(String queue, String phone, String supervisor) throws Exception {
    HttpResponse<String> created = http.send(server, "POST", "/api/v1/contacts", "{\"channel\":\"VOICE\",\"phone\":\""
        + phone + "\",\"language\":\"ko\",\"queue\":\"" + queue + "\"}", supervisor);
    assertEquals(201, created.statusCode(), created.body());
    return (String) http.map(server, created).get("id");
  }

  private Map<String, Object> work(String agent, String token) throws Exception {
    return http.map(server, http.send(server, "GET", "/api/v1/agents/" + agent + "/work", null, token));
  }
}
