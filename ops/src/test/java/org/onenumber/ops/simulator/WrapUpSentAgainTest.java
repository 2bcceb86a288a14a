package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A simulated operator's wrap-up whose connection closes before any answer (a kept-alive connection
 * the server had just closed: CI saw five of 500 wrap-ups lost so in {@link ThreadlessOperatorsTest},
 * session 21) is sent once more, as a console does, and the contact counts as closed. A local HTTP
 * peer drops the first wrap-up of every contact without answering. On the old code the ledger had
 * no closed contact and one error each.
 */
class WrapUpSentAgainTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aWrapUpWhoseConnectionClosedUnansweredIsSentOnceMore() throws Exception {
    AtomicInteger wrapUps = new AtomicInteger();
    Set<String> dropped = ConcurrentHashMap.newKeySet();
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    peer.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    peer.createContext("/api/v1/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      if (path.endsWith("/wrap-up")) {
        wrapUps.incrementAndGet();
        if (dropped.add(path)) {
          exchange.close(); // a contact's first wrap-up: the connection closes, no answer
          return;
        }
      }
      ThreadlessOperatorsTest.answerEmptyJson(exchange);
    });
    peer.start();
    SimulationOptions options = ThreadlessOperatorsTest.cityDayAt(peer);
    SimulationLedger ledger = new SimulationLedger();
    try (SimulatorHttp http = new SimulatorHttp(1, 4, 0, 25, 10, Duration.ofSeconds(10))) {
      SimulatedOperator operator = new SimulatedOperator("op-001", http.operator(1), ledger, () -> 0, options,
          new SplittableRandom(21));
      operator.atWork();
      for (String contact : new String[] {"c-1", "c-2", "c-3"}) {
        ledger.opened(contact, 0, Double.NaN, "CHAT");
        operator.offered(JSON.valueToTree(Map.of("offerId", contact, "contactId", contact, "channel", "CHAT",
            "queueId", "general", "offeredAt", "2026-12-05T00:00:00Z")));
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (ledger.summary(15).closed() < 3 && ledger.callErrors() == 0) {
        assertTrue(System.nanoTime() < until, "not closed within 30 s: " + ledger.summary(15));
        TimeUnit.MILLISECONDS.sleep(20);
      }
      assertEquals(3, ledger.summary(15).closed(), "each contact closed by its second wrap-up");
      assertEquals(6, wrapUps.get());
      assertEquals(0, ledger.errors.sum());
    } finally {
      peer.stop(0);
    }
  }
}
