package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A simulated operator whose shift ends ({@link SimulatedOperator#finish}) while the phone they
 * picked up is still being accepted by the server (its {@code answered} script on the operator's
 * leg), against a local HTTP peer that records the console's requests in order. Session 14's New
 * York day: such an operator logged out at once (the call counted in hand only once bridged), the
 * server put the just-accepted call back in line for another operator, and this one's wrap-up after
 * the talk was refused 403 "may not act for agent X".
 */
class SimulatedOperatorShiftEndTest {

  private HttpServer peer;
  private URI base;
  private final List<String> posted = new CopyOnWriteArrayList<>();
  private final CountDownLatch loggedOut = new CountDownLatch(1);
  private final CountDownLatch wrappedUp = new CountDownLatch(1);

  @BeforeEach
  void console() throws IOException {
    peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    peer.setExecutor(Executors.newCachedThreadPool());
    peer.createContext("/api/v1/", exchange -> {
      exchange.getRequestBody().readAllBytes();
      posted.add(exchange.getRequestURI().getPath());
      byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
      if (exchange.getRequestURI().getPath().endsWith("/logout")) {
        loggedOut.countDown();
      }
      if (exchange.getRequestURI().getPath().endsWith("/wrap-up")) {
        wrappedUp.countDown();
      }
    });
    peer.start();
    base = URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + "/");
  }

  @AfterEach
  void stop() {
    peer.stop(0);
  }

  private SimulatedOperator operatorAtWork(SimulatorHttp http) {
    return operatorAtWork(http, 1);
  }

  private SimulatedOperator operatorAtWork(SimulatorHttp http, double ahtSeconds) {
    SimulationOptions options = new SimulationOptions(base, "seoul-120", 1, 1000, 1, 1, null, "demo1234", ahtSeconds,
        60, 0)
        .onDay(java.time.LocalDate.of(2026, 12, 4), "token").phoningAgi(4573);
    SimulatedOperator operator = new SimulatedOperator("op-001", http.operator(1), new SimulationLedger(), () -> 0,
        options, new SplittableRandom(1));
    operator.atWork();
    return operator;
  }

  @Test
  void anOperatorWhoseShiftEndsWhileTheirPickedUpCallIsAcceptedWrapsItUpBeforeLoggingOut() throws Exception {
    try (SimulatorHttp http = new SimulatorHttp(1, 4, 0, 25, 4, Duration.ofSeconds(2))) {
      SimulatedOperator operator = operatorAtWork(http);
      operator.phonePickedUp(); // the phone rang and was picked up; the server's answered script runs
      assertTrue(operator.onCall(), "another ring meanwhile is answered busy");
      operator.finish(); // the shift ends now

      assertFalse(loggedOut.await(500, TimeUnit.MILLISECONDS), "logged out with a call in hand: " + posted);
      operator.pickUp("c-1", () -> { }); // routing accepted: the legs are bridged, the operator talks
      assertTrue(loggedOut.await(5, TimeUnit.SECONDS));
      assertEquals(List.of("/api/v1/contacts/c-1/wrap-up", "/api/v1/agents/op-001/logout"), posted);
    }
  }

  @Test
  void aPickedUpPhoneTheServerDidNotBridgeIsFreeAgainAndTheShiftEnds() throws Exception {
    try (SimulatorHttp http = new SimulatorHttp(1, 4, 0, 25, 4, Duration.ofSeconds(2))) {
      SimulatedOperator operator = operatorAtWork(http);
      operator.phonePickedUp();
      operator.ringDropped(); // the answered script said BUSY: the offer had expired
      assertFalse(operator.onCall());
      operator.finish();
      assertTrue(loggedOut.await(5, TimeUnit.SECONDS));
      assertEquals(List.of("/api/v1/agents/op-001/logout"), posted);
    }
  }

  /**
   * The caller hung up while the server accepted the answer: the call counts answered, but the legs
   * are bridged to nobody, so the operator wraps up at once (an hour's handle time at 1000× would
   * be 3.6 s) and is free for the next call.
   */
  @Test
  void anOperatorWhoseCallerLeftDuringThePickUpWrapsUpAtOnce() throws Exception {
    try (SimulatorHttp http = new SimulatorHttp(1, 4, 0, 25, 4, Duration.ofSeconds(2))) {
      SimulatedOperator operator = operatorAtWork(http, 3600);
      operator.phonePickedUp();
      operator.pickUpAfterCallerLeft("c-2");
      assertTrue(wrappedUp.await(1, TimeUnit.SECONDS), "still talking to nobody");
      assertEquals(List.of("/api/v1/contacts/c-2/wrap-up"), posted);
    }
  }
}
