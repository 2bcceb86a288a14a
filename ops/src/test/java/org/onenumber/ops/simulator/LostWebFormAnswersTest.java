package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.onenumber.core.contact.Channel;

/**
 * Web-form citizens whose answers never come back are counted as the server took their requests
 * (issue #17: simulator and server agree exactly). Session 17's New York day, when the server fell
 * behind, ended with WEB_FORM abandoned 7,862 on the simulator's side and 9,051 on the server's:
 * an abandon whose answer did not come in time counted as never reported ("waiting") although the
 * server had journaled it; session 18's overloaded run then showed the same for opens (offered
 * 3,390 / 3,470). A peer plays the contacts API: of 300 web forms, it opens every third's contact
 * and loses the answer (the connection ends mid-answer; a repeat with the same {@code
 * Idempotency-Key} is answered with the same contact, as the server's intake does); it takes a
 * third's abandons and loses the answer, and loses a third's abandons before taking them (nothing
 * changed); {@code GET /api/v1/contacts/{id}} says each contact's state. Every form must then be
 * counted on both sides alike: 300 contacts, 300 abandoned in the peer and in the ledger, none left
 * waiting. On the old code the ledger counted 100 abandoned (the peer 200), and with the lost opens
 * 200 offered (the peer 300).
 */
class LostWebFormAnswersTest {

  private static final int FORMS = 300;

  @Test
  void formsWhoseAnswersWereLostCountAsTheServerTookThem() throws Exception {
    Map<String, String> states = new ConcurrentHashMap<>();
    Map<String, AtomicInteger> reports = new ConcurrentHashMap<>();
    Map<String, String> byKey = new ConcurrentHashMap<>();
    AtomicInteger opened = new AtomicInteger();
    HttpServer peer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
    peer.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    peer.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      exchange.getRequestBody().readAllBytes();
      if (path.equals("/api/v1/contacts") && "POST".equals(exchange.getRequestMethod())) {
        String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
        String[] first = {null};
        String id = key == null ? "c-" + opened.incrementAndGet() : byKey.computeIfAbsent(key, k -> {
          first[0] = "c-" + opened.incrementAndGet();
          return first[0];
        });
        states.putIfAbsent(id, "QUEUED");
        if (first[0] != null && Integer.parseInt(id.substring(2)) % 3 == 2) {
          lose(exchange); // opened, but the answer is lost
          return;
        }
        answer(exchange, 201, "{\"id\":\"" + id + "\",\"queue\":\"q\",\"state\":\"QUEUED\"}");
      } else if (path.endsWith("/abandon")) {
        String id = path.split("/")[4];
        int n = Integer.parseInt(id.substring(2));
        boolean first = reports.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet() == 1;
        if (first && n % 3 == 0) {
          lose(exchange); // lost on the way: the server never heard of it
          return;
        }
        if (!"QUEUED".equals(states.get(id))) {
          answer(exchange, 404, "{\"error\":\"not_found\",\"message\":\"routed contact " + id + " does not exist\"}");
          return;
        }
        states.put(id, "ABANDONED");
        if (first && n % 3 == 1) {
          lose(exchange); // journaled, but the answer is lost
        } else {
          answer(exchange, 200, "{\"id\":\"" + id + "\",\"state\":\"ABANDONED\"}");
        }
      } else if (path.startsWith("/api/v1/contacts/")) {
        String id = path.substring("/api/v1/contacts/".length());
        answer(exchange, 200, "{\"id\":\"" + id + "\",\"state\":\"" + states.get(id) + "\"}");
      } else {
        answer(exchange, 404, "{}"); // no operators, no queues, no clock: citizens only
      }
    });
    peer.start();
    try {
      URI base = URI.create("http://127.0.0.1:" + peer.getAddress().getPort() + "/");
      SimulationOptions options = new SimulationOptions(base, "poisson", FORMS, 1000, 1, 18, null, "demo1234",
          60, 60, 0);
      List<Arrival> trace = new ArrayList<>();
      for (int i = 0; i < FORMS; i++) {
        trace.add(new Arrival(i * 10L, Channel.WEB_FORM, "ko", "water", "water", "citizen-" + i));
      }
      SimulationLedger ledger = SimulationInBackground.start(new Simulation(options, trace)).join(Duration.ofSeconds(60));
      assertNotNull(ledger, "the simulation did not end within 60 s");

      long abandonedByPeer = states.values().stream().filter("ABANDONED"::equals).count();
      SimulationLedger.Summary forms = ledger.channelSummary(15, "WEB_FORM");
      assertEquals(FORMS, opened.get(), "one contact per form (a repeat with its key opens none)");
      assertEquals(FORMS, forms.offered(), "offered: simulator as the server");
      assertEquals(abandonedByPeer, forms.abandoned(), "abandoned: simulator as the server");
      assertEquals(FORMS, abandonedByPeer, "every citizen's abandon reached the server in the end");
      assertEquals(0, forms.waiting(), "none left waiting on the simulator's side");
    } finally {
      peer.stop(0);
    }
  }

  /** Starts an answer of 100 bytes and ends the connection after 2: the client sees it cut off. */
  private static void lose(HttpExchange exchange) throws IOException {
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(200, 100);
    exchange.getResponseBody().write("{\"".getBytes(StandardCharsets.UTF_8));
    exchange.getResponseBody().flush();
    exchange.close(); // 98 bytes short: the peer ends the connection, the answer cut off
  }

  private static void answer(HttpExchange exchange, int status, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, body.length);
    exchange.getResponseBody().write(body);
    exchange.close();
  }
}
