package org.onenumber.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
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

/**
 * Issue #17: the simulated operators keep their agent WebSocket past their access token's lifetime,
 * as the console does. Access tokens live 4 s here (15 minutes in production; the server checks
 * sockets every 200 ms and closes one whose token expired with 4401). One operator; two web forms,
 * the second 12 s of wall time after the first (three lifetimes later), at 400×. The operator acts
 * only on offers pushed on its socket, so the second form is answered only if the socket was kept.
 * Before, the socket was closed 4401 after 4 s and the second citizen waited until the day's end
 * (answered 1 of 2).
 */
@RunsAlone
class SimulatedOperatorTokenH2IT {

  private static final double SPEEDUP = 400;
  private static final long LIFETIME_S = 4;

  @Test
  void anOperatorKeepsItsSocketAcrossTokenRenewalsAndTakesTheLaterOffer() throws Exception {
    Map<String, Object> properties = Map.of("datasources.default.url", TestDatabases.h2Url(),
        "micronaut.server.port", -1, "onenumber.simulation.clock.speedup", String.valueOf(SPEEDUP),
        "onenumber.simulation.clock.start", Instant.parse("2026-04-15T09:00:00+09:00").toString(),
        "micronaut.security.token.generator.access-token.expiration", LIFETIME_S,
        "onenumber.sockets.token-check", "200ms");
    try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties, "test",
        ServerTime.SIMULATION)) {
      ReplayAgainstServer.offerTimeout(server, 600);
      SimulationOptions options = new SimulationOptions(URI.create("http://127.0.0.1:" + server.getPort() + "/"),
          "poisson", 2, SPEEDUP, 1, 17L, Path.of("unused"), "demo1234", 60, 1e7, 0);
      long laterMillis = (long) (3 * LIFETIME_S * 1000 * SPEEDUP);
      List<Arrival> trace = List.of(
          new Arrival(0, Channel.WEB_FORM, "ko", "수도 누수", "water", "token-0"),
          new Arrival(laterMillis, Channel.WEB_FORM, "ko", "수도 누수", "water", "token-1"));
      SimulationLedger ledger = new Simulation(options, trace).closingAfterLastArrival(600).run();
      SimulationLedger.Summary sim = ledger.summary(15);
      System.out.printf("[token renewal] %s renewals=%d reconnects=%d%n", sim, ledger.socketRenewalCount(),
          ledger.socketReconnectCount());
      assertEquals(2, sim.offered(), sim.toString());
      assertEquals(2, sim.answered(), "the later form was offered on the kept socket and taken: " + sim);
      assertTrue(ledger.socketRenewalCount() >= 2, "renewed in-band at 3/4 of each 4-s lifetime: "
          + ledger.socketRenewalCount());
    }
  }
}
