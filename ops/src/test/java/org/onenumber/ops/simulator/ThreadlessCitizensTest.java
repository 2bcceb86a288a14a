package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;

/**
 * Thousands of texting and web-form citizens waiting at once (a peer, a JDK {@code HttpServer} on
 * platform threads of its own, holds every webhook and contact intake until released, so all but
 * the lanes' 256 places wait for one) cost the simulator no thread each: at most 32 more platform
 * threads (its clients' selectors, the citizens' 4 HTTP threads, the timer, the dispatcher), and no
 * virtual one (the simulator has no executor for citizens since session 17), against one virtual
 * thread per citizen before (session 14's New York day: 15,032 citizens' threads waiting for a
 * place in a lane). Then the peer answers and every citizen's
 * outcome is in the ledger: each text acknowledged, each contact opened and, its patience out,
 * abandoned.
 */
class ThreadlessCitizensTest {

  private static final int TEXTS = 1000;
  private static final int FORMS = 1000;
  private static final String PEER = SimulationInBackground.PEER;

  @Test
  void twoThousandWaitingCitizensHoldNoThreadOfTheirOwn() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger held = new AtomicInteger();
    AtomicInteger contacts = new AtomicInteger();
    java.util.Set<String> abandons = java.util.concurrent.ConcurrentHashMap.newKeySet();
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4096);
    AtomicInteger peerThreads = new AtomicInteger();
    peer.setExecutor(Executors.newCachedThreadPool(r -> new Thread(r, PEER + peerThreads.incrementAndGet())));
    peer.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      exchange.getRequestBody().readAllBytes();
      if (path.endsWith("/abandon")) {
        abandons.add(path.split("/")[4]);
        answer(exchange, 200, "{\"state\":\"ABANDONED\"}");
      } else if (path.startsWith("/api/v1/contacts/")) { // asked after an abandon's answer was lost (loaded machine)
        String id = path.substring("/api/v1/contacts/".length());
        answer(exchange, 200, "{\"id\":\"" + id + "\",\"state\":\"" + (abandons.contains(id) ? "ABANDONED" : "QUEUED")
            + "\"}");
      } else if (path.equals("/api/v1/contacts") || path.equals("/" + SmsCitizen.PATH)) {
        held.incrementAndGet();
        await(release);
        answer(exchange, 200, path.equals("/api/v1/contacts")
            ? "{\"id\":\"c-" + contacts.incrementAndGet() + "\",\"queue\":\"q\"}" : "");
      } else {
        answer(exchange, 404, "{}"); // no operators, no queues, no clock: citizens only
      }
    });
    peer.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + "/");
      SimulationOptions options = new SimulationOptions(base, "poisson", TEXTS + FORMS, 1000, 1, 1, null, "demo1234",
          60, 60, 0, null, "token");
      List<Arrival> trace = new ArrayList<>();
      for (int i = 0; i < TEXTS + FORMS; i++) {
        trace.add(new Arrival(0, i % 2 == 0 ? Channel.SMS : Channel.WEB_FORM, "ko", "water", "water", "citizen-" + i));
      }
      long before = SimulationInBackground.simulatorThreads();
      Simulation simulation = new Simulation(options, trace).closingAfterLastArrival(0);
      SimulationInBackground run = SimulationInBackground.start(simulation);
      int places = SimulatorHttp.CITIZEN_LANES * SimulatorHttp.CITIZEN_REQUESTS;
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (held.get() < places && System.nanoTime() < until) {
        Thread.sleep(20);
      }
      Thread.sleep(500); // the rest dispatched meanwhile, waiting for a place
      assertEquals(places, held.get(), "every place of the citizens' lanes taken by a held request");
      long during = SimulationInBackground.simulatorThreads();
      String which = SimulationInBackground.simulatorThreadKinds();
      release.countDown();
      SimulationLedger ledger = run.join(Duration.ofSeconds(60));

      assertTrue(during - before <= 32, "platform threads the simulator added while 2,000 citizens waited: "
          + (during - before) + ", all but the peer's: " + which);
      assertEquals(TEXTS + FORMS, held.get(), "every citizen sent once");
      assertEquals(TEXTS + FORMS, ledger.summary(15).offered(), "every text and form offered");
      assertEquals(FORMS, ledger.summary(15).abandoned(), "every form citizen gave up, its patience out");
      assertEquals(FORMS, abandons.size());
      assertEquals(0, ledger.timeouts() + ledger.callErrors(), "no timeout, no error");
    } finally {
      release.countDown();
      peer.stop(0);
    }
  }

  private static void await(CountDownLatch release) {
    try {
      release.await(60, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      exchange.getResponseBody().write(body);
    }
    exchange.close();
  }
}
