package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
import org.onenumber.server.RunsAlone;
import org.onenumber.server.TestDatabases;
import org.onenumber.server.TestHttp;
import org.onenumber.testkit.FakeTwilioApi;
import org.onenumber.testkit.TcpProxy;

/**
 * The day's end (issue #17): a small seeded day that ends with contacts still waiting, whatever the
 * load, ends with both sides counting the same. Twenty citizens in the first trace minute (five
 * calls through the FastAGI IVR, five chats over {@code /ws/chat}, five web forms by the contact
 * API, five texts through signed Twilio webhooks), all of them patient for good; one operator
 * with a handle time of 30 trace minutes; the day's end ten trace minutes after the last arrival,
 * at 400×. The server's HTTP answers reach the simulator 25 ms late (a slow peer: a {@link
 * TcpProxy} delaying every byte the server sends, 10 trace seconds at 400×). At the day's end most
 * citizens are still waiting: the callers hang up, the chats leave, the web forms report their
 * abandon, the texts stay waiting; the conversations under way end. Offered, answered, abandoned
 * (and the texts still waiting) must then be equal for the center and every channel.
 *
 * <p>Before, the simulator stopped counting two trace hours plus 10 s of wall time after the last
 * arrival (28 s here) with the citizens the operator had not reached still "waiting", and the
 * server then abandoned the calls (their sockets closed) and the chats (two trace minutes after
 * their sockets closed), so the counts differed: here four chats still "waiting" in the simulator
 * (answered 16, abandoned 0 of 20; the server abandoned them a moment later).
 */
@RunsAlone
class SimulatedDayEndH2IT {

  private static final double SPEEDUP = 400;
  private static final long SEED = Long.getLong("tests.seed", 14L);
  private static final List<Channel> CHANNELS = List.of(Channel.VOICE, Channel.CHAT, Channel.WEB_FORM, Channel.SMS);
  private final TestHttp http = new TestHttp();

  @Test
  void citizensStillWaitingAtTheDaysEndGiveUpAndBothSidesCountTheSame() throws Exception {
    int agiPort = SimulatedCallsH2IT.freePort();
    Map<String, Object> properties = new HashMap<>(Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(SPEEDUP),
        "onenumber.simulation.clock.start", Instant.parse("2026-04-15T09:00:00+09:00").toString(),
        "onenumber.telephony.asterisk.agi.enabled", "true", "onenumber.telephony.asterisk.agi.port", agiPort,
        "onenumber.twilio.account-sid", "AC00000000000000000000000000000000",
        "onenumber.twilio.auth-token", ReplayAgainstServer.TWILIO_TOKEN));
    try (FakeTwilioApi twilio = new FakeTwilioApi()) {
      properties.put("onenumber.twilio.api-base", twilio.baseUri().toString());
      try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
          ServerTime.SIMULATION);
          TcpProxy slow = new TcpProxy("127.0.0.1", server.getPort()).delayingAnswers(Duration.ofMillis(25))) {
        ReplayAgainstServer.offerTimeout(server, 600);
        SimulationOptions options = new SimulationOptions(URI.create("http://127.0.0.1:" + slow.port() + "/"),
            "poisson", 20, SPEEDUP, 1, SEED, Path.of("unused"), "demo1234", 1800, 1e7, 0)
            .onDay(null, ReplayAgainstServer.TWILIO_TOKEN).phoningAgi(agiPort);
        long t0 = System.nanoTime();
        SimulationLedger ledger = new Simulation(options, trace()).closingAfterLastArrival(600).run();
        double runS = (System.nanoTime() - t0) / 1e9;
        SimulationLedger.Summary sim = ledger.summary(15);
        assertEquals(20, sim.offered(), "every citizen's contact was opened: " + sim + ", errors " + ledger.callErrors());
        assertEquals(ledger.channelSummary(15, "SMS").waiting(), sim.waiting(),
            "every contact but a text nobody answered ended by the day's end: " + sim);

        String supervisor = http.login(server, "sv-01");
        Map<String, SimulationLedger.Summary> bySide = new HashMap<>();
        bySide.put("scope=center", sim);
        CHANNELS.forEach(c -> bySide.put("scope=channel&id=" + c, ledger.channelSummary(15, c.name())));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!countsEqual(server, supervisor, bySide) && System.nanoTime() < deadline) {
          Thread.sleep(250); // the hang-ups were acknowledged; their journaling may trail
        }
        for (Map.Entry<String, SimulationLedger.Summary> side : bySide.entrySet()) {
          Map<String, Object> figures = figures(server, supervisor, side.getKey());
          SimulationLedger.Summary s = side.getValue();
          System.out.printf("[day's end, %s, run %.1f s] offered %d/%s answered %d/%s abandoned %d/%s ASA %.2f/%s%n",
              side.getKey(), runS, s.offered(), figures.get("offered"), s.answered(), figures.get("answered"),
              s.abandoned(), figures.get("abandoned"), s.asaSeconds(), figures.get("asaSeconds"));
          assertEquals(s.offered(), SimulatedCallsH2IT.number(figures, "offered"), side.getKey() + " offered " + figures);
          assertEquals(s.answered(), SimulatedCallsH2IT.number(figures, "answered"), side.getKey() + " answered " + figures);
          assertEquals(s.abandoned(), SimulatedCallsH2IT.number(figures, "abandoned"),
              side.getKey() + " abandoned " + figures);
        }
        assertTrue(sim.abandoned() >= 5, "most citizens were still waiting at the day's end and gave up: " + sim);
        assertEquals(ledger.channelSummary(15, "SMS").waiting(), SimulatedCallsH2IT.number(
            figures(server, supervisor, "scope=channel&id=SMS"), "waiting"), "a text cannot be taken back: it waits");
      }
    }
  }

  private boolean countsEqual(EmbeddedServer server, String supervisor, Map<String, SimulationLedger.Summary> bySide)
      throws Exception {
    for (Map.Entry<String, SimulationLedger.Summary> side : bySide.entrySet()) {
      Map<String, Object> f = figures(server, supervisor, side.getKey());
      SimulationLedger.Summary s = side.getValue();
      if (SimulatedCallsH2IT.number(f, "offered") != s.offered() || SimulatedCallsH2IT.number(f, "answered") != s.answered()
          || SimulatedCallsH2IT.number(f, "abandoned") != s.abandoned()) {
        return false;
      }
    }
    return true;
  }

  /** Five Korean citizens per channel, one every three trace seconds in turn. */
  private static List<Arrival> trace() {
    List<Arrival> arrivals = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      arrivals.add(new Arrival(i * 3000L, CHANNELS.get(i % CHANNELS.size()), "ko", "수도 누수", "water",
          "day-end-" + i));
    }
    return arrivals;
  }

  private Map<String, Object> figures(EmbeddedServer server, String token, String scope) throws Exception {
    return http.map(server, http.send(server, "GET", "/api/v1/service-levels?" + scope + "&window=today", null, token));
  }
}
