package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.DoubleSupplier;
import java.util.random.RandomGenerator;

/**
 * One demo operator driven over the public agent API: logs in, listens on
 * {@code /ws/agents/{id}} for offers (and polls {@code /work} every few seconds as a safety net),
 * accepts each offer, talks for a sampled handle time, and closes the contact as resolved or
 * escalated. Each accepted contact is handled on its own virtual thread, so messaging operators
 * can hold several. After a missed offer (NOT_RESPONDING) it makes itself available again.
 * Thread-safe; failures of single calls are counted in the ledger and never stop the operator.
 */
final class SimulatedOperator {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final String id;
  private final OneNumberClient client;
  private final SimulationLedger ledger;
  private final DoubleSupplier traceClock;
  private final SimulationOptions options;
  private final RandomGenerator random;
  private final Set<String> seenOffers = ConcurrentHashMap.newKeySet();
  private volatile boolean running = true;
  private WebSocket socket;

  SimulatedOperator(String id, OneNumberClient client, SimulationLedger ledger, DoubleSupplier traceClock,
      SimulationOptions options, RandomGenerator random) {
    this.id = id;
    this.client = client;
    this.ledger = ledger;
    this.traceClock = traceClock;
    this.options = options;
    this.random = random;
  }

  void start(HttpClient http, URI base, String password) {
    client.login(id, password);
    try {
      client.post("/api/v1/agents/" + id + "/login", Map.of());
    } catch (OneNumberClient.Refused e) {
      client.post("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE"));
    }
    URI ws = URI.create(base.toString().replaceFirst("^http", "ws") + "ws/agents/" + id);
    try {
      socket = http.newWebSocketBuilder().header("Authorization", "Bearer " + client.token())
          .buildAsync(ws, new Frames()).get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (Exception e) {
      System.err.println(id + ": no WebSocket (" + e.getMessage() + "), polling only");
    }
    Thread.ofVirtual().name("poll-" + id).start(this::pollLoop);
  }

  void stop() {
    running = false;
    if (socket != null) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
    try {
      client.post("/api/v1/agents/" + id + "/logout", Map.of("transferOpenContacts", true));
    } catch (RuntimeException e) {
      ledger.errors.incrementAndGet();
    }
  }

  private void pollLoop() {
    while (running) {
      try {
        JsonNode work = client.get("/api/v1/agents/" + id + "/work");
        work.path("offers").forEach(this::offered);
        if ("NOT_RESPONDING".equals(work.path("agent").path("state").asText())) {
          client.post("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE"));
        }
        Thread.sleep(3000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        ledger.errors.incrementAndGet();
      }
    }
  }

  private void offered(JsonNode offer) {
    String offerId = offer.path("offerId").asText();
    if (running && !offerId.isEmpty() && seenOffers.add(offerId)) {
      Thread.ofVirtual().name("contact-" + id).start(() -> handle(offerId, offer.path("contactId").asText()));
    }
  }

  private void handle(String offerId, String contactId) {
    try {
      client.post("/api/v1/offers/" + offerId + "/accept", Map.of());
    } catch (OneNumberClient.Refused e) {
      return;
    } catch (RuntimeException e) {
      ledger.errors.incrementAndGet();
      return;
    }
    ledger.answered(contactId, traceClock.getAsDouble());
    double sigma = 0.6;
    double handleSeconds = Math.exp(Math.log(options.ahtSeconds()) - sigma * sigma / 2 + sigma * random.nextGaussian());
    try {
      Thread.sleep(Duration.ofMillis((long) (handleSeconds * 1000 / options.speedup())));
      String outcome = random.nextDouble() < options.escalateShare() ? "ESCALATED" : "RESOLVED";
      client.post("/api/v1/contacts/" + contactId + "/close", Map.of("outcome", outcome));
      ledger.closed(contactId, outcome);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      System.out.println("[sim] " + id + " could not close " + contactId + ": " + e.getMessage());
      ledger.errors.incrementAndGet();
      ledger.closeFailed(contactId);
    }
  }

  /** Collects text frames (possibly split) and reacts to offers and presence changes. */
  private final class Frames implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        String frame = text.toString();
        text.setLength(0);
        Thread.ofVirtual().start(() -> onFrame(frame));
      }
      webSocket.request(1);
      return null;
    }

    private void onFrame(String frame) {
      try {
        JsonNode f = JSON.readTree(frame);
        switch (f.path("type").asText()) {
          case "snapshot" -> f.path("offers").forEach(SimulatedOperator.this::offered);
          case "offer" -> offered(f.path("offer"));
          case "agent.state" -> {
            if ("NOT_RESPONDING".equals(f.path("to").asText()) && running) {
              client.post("/api/v1/agents/" + id + "/state", Map.of("state", "AVAILABLE"));
            }
          }
          default -> { }
        }
      } catch (Exception e) {
        ledger.errors.incrementAndGet();
      }
    }
  }
}
