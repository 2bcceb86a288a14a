package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;

/**
 * The simulator's HTTP side against a slow local HTTP server (a JDK {@code HttpServer} peer that
 * holds every contact intake and webhook until released, answers logins at once): the citizens'
 * requests never hold more connections than their lanes' bound, an operator's login still gets
 * through in bounded time, and a citizen who finds no place in time is the simulator's counted
 * timeout. Session 12's one shared, unbounded client opened a connection per held request (100
 * here; ~19,400 on New York's day).
 */
class SimulatorHttpTest {

  private static final int CITIZENS = 100;
  private HttpServer server;
  private URI base;
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch closed = new CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();
  /** The client ports (connections) the held intake requests came on. */
  private final Set<Integer> intakeConnections = ConcurrentHashMap.newKeySet();

  @BeforeEach
  void slowServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1000);
    server.setExecutor(Executors.newCachedThreadPool()); // platform threads: the peer is another process
    server.createContext("/api/v1/contacts", this::hold);
    server.createContext("/api/v1/contacts/c-9/close", exchange -> {
      closed.countDown();
      answer(exchange, "{}");
    });
    server.createContext("/" + SmsCitizen.PATH, this::hold);
    server.createContext("/login", exchange -> answer(exchange, "{\"access_token\":\"a\",\"refresh_token\":\"r\"}"));
    server.start();
    base = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.stop(0);
  }

  private void hold(HttpExchange exchange) throws IOException {
    intakeConnections.add(exchange.getRemoteAddress().getPort());
    exchange.getRequestBody().readAllBytes();
    held.incrementAndGet();
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    answer(exchange, "{\"id\":\"c-1\",\"queue\":\"q\"}");
  }

  private static void answer(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }

  @Test
  void heldCitizensStayWithinTheBoundAndAnOperatorStillLogsIn() throws Exception {
    AtomicInteger timedOut = new AtomicInteger();
    AtomicInteger opened = new AtomicInteger();
    try (SimulatorHttp http = new SimulatorHttp(2, 4, 0, 1, 2, Duration.ofSeconds(2));
        ExecutorService citizens = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CITIZENS; i++) {
        citizens.submit(() -> {
          try {
            new OneNumberClient(http.citizen(), base).post("/api/v1/contacts", Map.of("channel", "WEB_FORM"));
            opened.incrementAndGet();
          } catch (ClientLane.TimedOut e) {
            timedOut.incrementAndGet();
          }
        });
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (held.get() < 8 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertEquals(8, held.get(), "both citizens' lanes full: 2 × 4 requests held by the server");

      OneNumberClient operator = new OneNumberClient(http.operator(1), base);
      assertTimeoutPreemptively(Duration.ofSeconds(5), () -> operator.login("op-001", "demo1234"),
          "an operator's login does not wait behind the citizens");
      assertEquals("a", operator.token());

      until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (timedOut.get() < CITIZENS - 8 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      assertEquals(CITIZENS - 8, timedOut.get(), "who found no place within the wait is the simulator's timeout");
      assertTrue(intakeConnections.size() <= 8, "connections held for citizens: " + intakeConnections.size()
          + " (bound 2 lanes × 4)");
      release.countDown();
    }
    assertEquals(8, opened.get(), "the held requests are answered once the server goes on");
    assertEquals(8, held.get(), "no request beyond the bound ever reached the server");
  }

  /**
   * Session 14's New York stall: the simulator's citizens are tens of thousands of virtual threads
   * on the JDK's few carriers (as many as cores), and at the morning peak thousands waited for a
   * carrier; an operator's thread (a contact's wrap-up, an accept) queued behind them for seconds
   * after its answer had arrived. Here every carrier is held by a citizen busy computing (a virtual
   * thread is never taken off its carrier while it computes) for longer than the test waits: the
   * operator's call still ends and is closed at the peer, because the operator runs on threads of
   * its own. On virtual threads (before) it waited for the carriers to come free: 6 s.
   */
  @Test
  void anOperatorsCallEndsWhileEveryCarrierIsBusyWithCitizens() throws Exception {
    SimulationLedger ledger = new SimulationLedger();
    SimulationOptions options = new SimulationOptions(base, "poisson", 1, 1000, 1, 1, null, "demo1234", 1, 60, 0);
    int carriers = Integer.getInteger("jdk.virtualThreadScheduler.parallelism", Runtime.getRuntime().availableProcessors());
    AtomicInteger busy = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    long spinUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(6);
    try (SimulatorHttp http = new SimulatorHttp(1, 4, 0, 25, 4, Duration.ofSeconds(2))) {
      SimulatedOperator operator = new SimulatedOperator("op-001", http.operator(1), ledger, () -> 0, options,
          new java.util.SplittableRandom(1));
      operator.signIn("demo1234");
      for (int i = 0; i < carriers; i++) {
        Thread.ofVirtual().start(() -> {
          busy.incrementAndGet();
          while (!done.get() && System.nanoTime() < spinUntil) {
            Thread.onSpinWait();
          }
        });
      }
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (busy.get() < carriers && System.nanoTime() < until) {
        Thread.sleep(1);
      }
      assertEquals(carriers, busy.get(), "every carrier busy with a citizen");
      operator.phonePickedUp();
      operator.pickUp("c-9", () -> { });
      assertTrue(closed.await(3, TimeUnit.SECONDS), "the operator closed its call while the carriers were busy");
    } finally {
      done.set(true);
    }
  }

  /**
   * One operators' client per 25 consecutive consoles: the roster deals each group's shifts in ten
   * piles by start, so every lane with ten operators on the roster carries several shift starts,
   * never one shift's change alone (the last lanes hold the operators the roster does not need).
   */
  @Test
  void operatorsShareAClientPerTwentyFiveConsolesAndEveryLaneCarriesSeveralShiftStarts() {
    CityRoster roster = CityRoster.plan(CityDay.seoul120(new java.util.SplittableRandom(120), CityDay.SEOUL_CONTACTS),
        240, 180, org.onenumber.ops.staffing.CityStaffGroup.DEFAULT_OPERATORS);
    try (SimulatorHttp http = new SimulatorHttp()) {
      Map<ClientLane, java.util.List<java.time.LocalTime>> starts = new java.util.HashMap<>();
      for (int i = 1; i <= org.onenumber.ops.staffing.CityStaffGroup.DEFAULT_OPERATORS; i++) {
        CityShift shift = roster.shiftOf(i);
        java.util.List<java.time.LocalTime> lane = starts.computeIfAbsent(http.operator(i), k -> new java.util.ArrayList<>());
        if (shift != null) {
          lane.add(shift.start());
        }
      }
      assertEquals((org.onenumber.ops.staffing.CityStaffGroup.DEFAULT_OPERATORS + 24) / 25, http.operatorLanes());
      assertEquals(http.operator(1), http.operator(25));
      assertTrue(http.operator(25) != http.operator(26));
      starts.forEach((lane, s) -> assertTrue(s.size() < 10 || Set.copyOf(s).size() >= 3, lane.name() + " carries " + s));
    }
  }

  @Test
  void aTextThatFindsNoPlaceIsCountedAsTheSimulatorsTimeoutNotAsTheServers() throws Exception {
    SimulationLedger ledger = new SimulationLedger();
    try (ClientLane lane = new ClientLane("citizens", 1, 0, Duration.ofMillis(300))) {
      SmsCitizen sms = new SmsCitizen(() -> lane, base, "token", ledger);
      Arrival arrival = new Arrival(0, Channel.SMS, "ko", "water", "water", "citizen-1");
      Thread first = Thread.ofVirtual().start(() -> sms.text(arrival, 1, 0));
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (held.get() < 1 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      sms.text(arrival, 2, 0);
      assertEquals(1, ledger.timeouts(), "the second text found the lane full");
      assertEquals(1, ledger.callErrors());
      assertEquals(0, ledger.rejected.sum(), "not the server's refusal");
      release.countDown();
      first.join(10_000);
      assertEquals(1, ledger.timeouts());
      assertEquals(1, held.get());
    }
  }
}
