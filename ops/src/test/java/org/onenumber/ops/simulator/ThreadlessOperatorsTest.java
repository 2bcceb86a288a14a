package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * A simulated operator holding 500 contacts at once costs the simulator no thread each (session
 * 18; before, {@code SimulatedOperator.console} started a platform thread per contact in hand, per
 * frame and per shift's end: ~400 threads on Seoul's 2,000-contact proof day). A local HTTP peer
 * (its exchanges on virtual threads, invisible to the count) answers the console's accepts and
 * wrap-ups; the operator is offered 500 chats at once and the peer holds every accept until all
 * 500 are held. Meanwhile the simulator may have added at most 32 platform threads (its HTTP
 * client's selector and executor, the timer); then the accepts are answered, each contact is
 * talked (a minute at 1000×) and wrapped up, the ledger has 500 answered and closed, and the
 * shift's end logs the operator out. On the old code it fails: 500 threads added.
 */
class ThreadlessOperatorsTest {

  private static final int CONTACTS = 500;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void anOperatorHoldingFiveHundredContactsHoldsNoThreadForAny() throws Exception {
    AtomicInteger accepts = new AtomicInteger();
    AtomicInteger wrapUps = new AtomicInteger();
    AtomicInteger logouts = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 600);
    peer.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    peer.createContext("/api/v1/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      (path.endsWith("/accept") ? accepts : path.endsWith("/wrap-up") ? wrapUps
          : path.endsWith("/logout") ? logouts : new AtomicInteger()).incrementAndGet();
      if (path.endsWith("/accept") && path.contains("/c-")) {
        hold(release); // the accepts are answered all at once, once all 500 are held
      }
      answerEmptyJson(exchange);
    });
    peer.start();
    SimulationOptions options = cityDayAt(peer);
    SimulationLedger ledger = new SimulationLedger();
    try (SimulatorHttp http = new SimulatorHttp(1, 4, 0, 25, CONTACTS + 10, Duration.ofSeconds(30))) {
      SimulatedOperator operator = new SimulatedOperator("op-001", http.operator(1), ledger, () -> 0, options,
          new SplittableRandom(18));
      long t0 = System.nanoTime();
      operator.atWork();
      ledger.opened("warm-up", 0, Double.NaN, "CHAT");
      operator.offered(offer("warm-up")); // the lane's client, its selector and the timer exist from here
      await(() -> wrapUps.get() == 1, 30);
      System.out.printf("[test] warm-up t=%d ms%n", (System.nanoTime() - t0) / 1_000_000);
      long before = SimulationInBackground.simulatorThreads();
      for (int i = 0; i < CONTACTS; i++) {
        ledger.opened("c-" + i, 0, Double.NaN, "CHAT");
        operator.offered(offer("c-" + i));
      }
      await(() -> accepts.get() == CONTACTS + 1, 30);
      long added = SimulationInBackground.simulatorThreads() - before;
      String which = SimulationInBackground.simulatorThreadKinds();
      release.countDown();
      System.out.printf("[test] %d accepts held: %d threads added; t=%d ms%n", CONTACTS, added,
          (System.nanoTime() - t0) / 1_000_000);
      assertTrue(added <= 32, "the operator added " + added + " threads holding " + CONTACTS + " contacts; all but"
          + " the peer's: " + which);

      await(() -> wrapUps.get() == CONTACTS + 1, 60);
      System.out.printf("[test] wrapped up t=%d ms%n", (System.nanoTime() - t0) / 1_000_000);
      operator.finish().get(30, TimeUnit.SECONDS);
      assertEquals(1, logouts.get());
      SimulationLedger.Summary s = ledger.summary(15);
      assertEquals(CONTACTS + 1, s.answered());
      assertEquals(CONTACTS + 1, s.closed());
      assertEquals(0, ledger.callErrors());
    } finally {
      peer.stop(0);
    }
  }

  /** A chat offered as the agent socket pushes it; the ledger knows the contact as the citizen opened it. */
  private static com.fasterxml.jackson.databind.JsonNode offer(String contact) {
    return JSON.valueToTree(Map.of("offerId", contact, "contactId", contact, "channel", "CHAT", "queueId",
        "general", "offeredAt", "2026-12-05T00:00:00Z"));
  }

  /** Answers 200 with an empty JSON object, as the server's accept, wrap-up and log-out answer for the console's needs. */
  static void answerEmptyJson(HttpExchange exchange) throws IOException {
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  /** A city day's options (operators wrap up) against the local {@code peer}, a minute's handle time at 1000×. */
  static SimulationOptions cityDayAt(HttpServer peer) {
    URI base = URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + "/");
    return new SimulationOptions(base, "seoul-120", 1, 1000, 1, 1, null, "demo1234", 60, 60, 0)
        .onDay(LocalDate.of(2026, 12, 5), "token");
  }

  private static void hold(CountDownLatch release) {
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(java.util.function.BooleanSupplier done, int seconds) throws InterruptedException {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!done.getAsBoolean()) {
      assertTrue(System.nanoTime() < until, "not within " + seconds + " s");
      TimeUnit.MILLISECONDS.sleep(20);
    }
  }
}
