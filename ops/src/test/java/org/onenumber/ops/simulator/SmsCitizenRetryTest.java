package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;

/**
 * A text the server sheds (503 + Retry-After) is sent again with the same MessageSid after the hint,
 * as Twilio retries, and counted; a 400 is not retried. Against a local HTTP server.
 */
class SmsCitizenRetryTest {

  @Test
  void a503IsSentAgainAfterRetryAfterWithTheSameSidAndCounted() throws Exception {
    AtomicInteger calls = new AtomicInteger();
    List<String> bodies = new CopyOnWriteArrayList<>();
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/" + SmsCitizen.PATH, exchange -> {
      bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
      int n = calls.incrementAndGet();
      if (n <= 2) {
        exchange.getResponseHeaders().add("Retry-After", "1");
        exchange.sendResponseHeaders(503, -1);
      } else {
        exchange.sendResponseHeaders(n == 3 ? 200 : 400, -1);
      }
      exchange.close();
    });
    server.start();
    try {
      SimulationLedger ledger = new SimulationLedger();
      ClientLane lane = new ClientLane("citizens", 4, 0, Duration.ofSeconds(5));
      SmsCitizen sms = new SmsCitizen(() -> lane,
          URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/"), "token", ledger);
      Arrival arrival = new Arrival(0, Channel.SMS, "ko", "water", "water", "citizen-1");
      long start = System.nanoTime();
      sms.text(arrival, 7, 0);
      long millis = (System.nanoTime() - start) / 1_000_000;
      assertEquals(3, calls.get());
      assertEquals(2, ledger.retries.sum());
      assertEquals(1, bodies.stream().distinct().count(), "the same webhook, same MessageSid, each time");
      assertEquals(true, millis >= 2000, "waited Retry-After each time: " + millis + " ms");
      assertEquals(0, ledger.rejected.sum() + ledger.errors.sum());

      sms.text(arrival, 8, 0);
      assertEquals(4, calls.get(), "a 400 is not retried");
      assertEquals(1, ledger.rejected.sum());
    } finally {
      server.stop(0);
    }
  }

  @Test
  void retryAfterIsReadInSecondsWithinOneToSixty() {
    assertEquals(1, OneNumberClient.retryAfterSeconds(null));
    assertEquals(1, OneNumberClient.retryAfterSeconds("Wed, 21 Oct 2015 07:28:00 GMT"));
    assertEquals(5, OneNumberClient.retryAfterSeconds(" 5"));
    assertEquals(60, OneNumberClient.retryAfterSeconds("3600"));
  }
}
