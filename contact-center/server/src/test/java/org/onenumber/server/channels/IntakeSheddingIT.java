package org.onenumber.server.channels;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Admission control (issue 17): intake flooded far beyond its in-flight limits (2 webhooks, 2
 * contact creations) is shed at once with 503, {@code Retry-After} and a JSON error, while an
 * operator logs in, is offered a contact and accepts it within a bound; afterwards every webhook
 * and contact answered 2xx is stored exactly once and nothing answered 503 is stored; the shed
 * webhooks sent again (as Twilio retries) are then all stored. Fails without admission control
 * (nothing is ever shed).
 */
class IntakeSheddingIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int FLOODERS = 24;
  private static final long OPERATOR_BOUND_MS = 5_000;

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.admission.webhooks", 2,
      "onenumber.admission.contacts", 2, "onenumber.admission.retry-after-seconds", 2,
      "onenumber.rate-limits.intake-per-minute", 1_000_000));

  private final HttpClient http = HttpClient.newHttpClient();
  private final Map<String, Integer> webhooks = new ConcurrentHashMap<>();
  private final Map<String, Integer> contacts = new ConcurrentHashMap<>();
  private final Set<String> contactIds = ConcurrentHashMap.newKeySet();
  private final List<String> badSheds = new ArrayList<>();

  @Test
  void floodedIntakeIsShedAtOnceWhileAnOperatorLogsInAndAcceptsAndNothingAcknowledgedIsLost() throws Exception {
    AtomicBoolean stop = new AtomicBoolean();
    AtomicInteger sequence = new AtomicInteger();
    List<Future<?>> flood = new ArrayList<>();
    long operatorMs;
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < FLOODERS; t++) {
        flood.add(threads.submit(() -> {
          while (!stop.get()) {
            int n = sequence.incrementAndGet();
            if (n % 2 == 0) {
              webhook(n);
            } else {
              contact(n);
            }
          }
          return null;
        }));
      }
      await().atMost(Duration.ofSeconds(30)).until(() -> webhooks.containsValue(503) && contacts.containsValue(503));

      long start = System.nanoTime();
      String token = (String) post("/login", "{\"username\":\"op-001\",\"password\":\"demo1234\"}", null)
          .get("access_token").asText();
      post("/api/v1/agents/op-001/login", "{}", token);
      String[] offer = new String[1];
      await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20)).until(() -> {
        JsonNode offers = get("/api/v1/agents/op-001/work", token).path("offers");
        offer[0] = offers.isEmpty() ? null : offers.get(0).path("offerId").asText();
        return offer[0] != null;
      });
      JsonNode accepted = post("/api/v1/offers/" + offer[0] + "/accept", "{}", token);
      operatorMs = (System.nanoTime() - start) / 1_000_000;
      assertEquals("CONNECTED", accepted.path("state").asText(), accepted.toString());
      stop.set(true);
      for (Future<?> f : flood) {
        f.get();
      }
    }
    assertTrue(operatorMs < OPERATOR_BOUND_MS, "login → offer → accept took " + operatorMs + " ms under the flood");
    assertTrue(badSheds.isEmpty(), "a 503 without Retry-After or JSON error: " + badSheds);

    Set<String> storedSids = strings("select provider_id from message where provider_id like 'SMshed%'");
    Set<String> storedContacts = strings("select id from contact where channel = 'VOICE'");
    int shedWebhooks = 0;
    for (var e : webhooks.entrySet()) {
      if (e.getValue() == 200) {
        assertTrue(storedSids.contains(e.getKey()), "acknowledged webhook " + e.getKey() + " was lost");
      } else {
        assertEquals(503, e.getValue(), e.getKey());
        assertTrue(!storedSids.contains(e.getKey()), "shed webhook " + e.getKey() + " was stored");
        shedWebhooks++;
      }
    }
    assertEquals(webhooks.size() - shedWebhooks, storedSids.size(), "each acknowledged webhook stored once");
    long createdCount = contacts.values().stream().filter(s -> s == 201).count();
    assertEquals(contacts.size(), createdCount + contacts.values().stream().filter(s -> s == 503).count(),
        "every contact creation answered 201 or 503: " + contacts.values());
    assertEquals(contactIds, storedContacts, "the contacts answered 201 are stored and no shed one is");
    assertEquals(createdCount, contactIds.size());

    MeterRegistry meters = server.bean(MeterRegistry.class);
    assertEquals(shedWebhooks, (long) meters.counter("onenumber.admission.shed", "kind", "webhooks").count());

    List<Integer> shed = webhooks.entrySet().stream().filter(e -> e.getValue() == 503)
        .map(e -> Integer.parseInt(e.getKey().substring("SMshed".length()))).toList();
    for (int n : shed) {
      webhook(n);
    }
    assertEquals(webhooks.keySet(), strings("select provider_id from message where provider_id like 'SMshed%'"),
        "Twilio's retries of the shed webhooks, sent one at a time, are all stored");
    System.out.printf("[shedding] webhooks %d (shed %d), contacts %d (shed %d); operator login→accept %d ms%n",
        webhooks.size(), shedWebhooks, contacts.size(), contacts.size() - createdCount, operatorMs);
  }

  private void webhook(int n) throws Exception {
    String path = "/webhooks/twilio/sms";
    String sid = "SMshed" + n;
    Map<String, String> form = Map.of("MessageSid", sid, "SmsSid", sid, "AccountSid", ServerHarness.ACCOUNT,
        "From", String.format("+8210%08d", n), "To", "+8215880120", "Body", "shed test " + n, "NumMedia", "0");
    StringJoiner body = new StringJoiner("&");
    form.forEach((k, v) -> body.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "="
        + URLEncoder.encode(v, StandardCharsets.UTF_8)));
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri(path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .header("X-Twilio-Signature", server.sign(path, form))
        .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
    checkShed(response);
    webhooks.put(sid, response.statusCode());
  }

  private void contact(int n) throws Exception {
    HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/v1/contacts"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(String.format(
            "{\"channel\":\"VOICE\",\"phone\":\"+8210%08d\",\"language\":\"ko\"}", n))).build(),
        HttpResponse.BodyHandlers.ofString());
    checkShed(response);
    if (response.statusCode() == 201) {
      contactIds.add(JSON.readTree(response.body()).path("id").asText());
    }
    contacts.put("c" + n, response.statusCode());
  }

  private void checkShed(HttpResponse<String> response) {
    if (response.statusCode() == 503 && (response.headers().firstValue("Retry-After").filter("2"::equals).isEmpty()
        || !response.body().contains("\"unavailable\""))) {
      synchronized (badSheds) {
        badSheds.add(response.headers().map() + " " + response.body());
      }
    }
  }

  private JsonNode post(String path, String json, String token) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json));
    return answer(token == null ? b : b.header("Authorization", "Bearer " + token));
  }

  private JsonNode get(String path, String token) throws Exception {
    return answer(HttpRequest.newBuilder(uri(path)).header("Authorization", "Bearer " + token).GET());
  }

  private JsonNode answer(HttpRequest.Builder request) throws Exception {
    HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertEquals(200, response.statusCode(), response.body());
    return JSON.readTree(response.body());
  }

  private URI uri(String path) {
    return URI.create(server.uri().toString().replaceAll("/$", "") + path);
  }

  private Set<String> strings(String sql) throws Exception {
    Set<String> out = new HashSet<>();
    try (Connection c = server.bean(DataSource.class).getConnection();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
