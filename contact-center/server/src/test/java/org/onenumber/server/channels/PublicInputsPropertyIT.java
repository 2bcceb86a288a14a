package org.onenumber.server.channels;

import static org.onenumber.server.channels.SeededInputs.check;
import static org.onenumber.server.channels.SeededInputs.chars;
import static org.onenumber.server.channels.SeededInputs.forAll;
import static org.onenumber.server.channels.SeededInputs.oneOf;
import static org.onenumber.server.channels.SeededInputs.text;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Properties over the public inputs, against the real server, with seeded random inputs: whatever
 * an anonymous caller sends to intake ({@code POST /api/v1/contacts}: any channel, phone, name,
 * language, topic, priority, {@code Idempotency-Key}, or no JSON at all) or to Open311 ({@code POST
 * /open311/v2/requests.json} with any service code, coordinates, description, contact fields and
 * media URL), the answer is a success or a 4xx whose body is JSON and never repeats a value sent —
 * never a 5xx. Rate limits are raised so every try reaches the validators. The seed is printed on
 * failure; {@code -Dtests.seed=N} replays it.
 */
class PublicInputsPropertyIT extends SeededServer {

  private static final int TRIES = 150;

  @Override
  Map<String, Object> settings() {
    return Map.of("onenumber.rate-limits.intake-per-minute", 1_000_000,
        "onenumber.rate-limits.open311-per-minute", 1_000_000);
  }

  @Test
  void anyIntakeBodyIsAcceptedOrRefusedWithA4xxThatDoesNotEchoIt() throws Exception {
    forAll(TRIES, random -> {
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("channel", oneOf(random, "SMS", "WEB_FORM", "CHAT", "VOICE", "EMAIL"));
      body.put("phone", text(random));
      body.put("name", text(random));
      body.put("language", oneOf(random, "ko", "en"));
      body.put("topic", text(random));
      body.put("priority", random.nextBoolean() ? (Object) random.nextInt() : text(random));
      HttpRequest.Builder request = HttpRequest.newBuilder(server.uri().resolve("/api/v1/contacts"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8));
      String key = chars(random, " !\"#$%&'()*+,-./0123456789:;<=>?@ABCXYZ[\\]^_`abcxyz{|}~", 300).strip();
      if (!key.isEmpty() && random.nextBoolean()) {
        request.header("Idempotency-Key", key);
        body.put("Idempotency-Key", key);
      }
      check(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()), body);
    });
  }

  @Test
  void anyTextAsAnIntakeBodyIsRefusedWithA4xx() throws Exception {
    forAll(TRIES / 3, random -> {
      String raw = text(random);
      HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/api/v1/contacts"))
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(raw)).build();
      check(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), Map.of("raw", raw));
    });
  }

  @Test
  void anyOpen311RequestIsFiledOrRefusedWithA4xxThatDoesNotEchoIt() throws Exception {
    forAll(TRIES, random -> {
      Map<String, Object> form = new LinkedHashMap<>();
      form.put("service_code", oneOf(random, "roads-01", "water-01"));
      form.put("lat", random.nextBoolean() ? String.valueOf(random.nextDouble(-200, 200)) : text(random));
      form.put("long", random.nextBoolean() ? String.valueOf(random.nextDouble(-200, 200)) : text(random));
      form.put("description", text(random));
      form.put("email", text(random));
      form.put("phone", text(random));
      form.put("media_url", oneOf(random, "https://example.org/p.jpg", "http://127.0.0.1/x", "ftp://x/y"));
      String encoded = "api_key=demo-open311-key&" + form.entrySet().stream().map(e -> e.getKey() + "="
          + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
      HttpRequest request = HttpRequest.newBuilder(server.uri().resolve("/open311/v2/requests.json"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(encoded)).build();
      form.remove("service_code");
      check(HTTP.send(request, HttpResponse.BodyHandlers.ofString()), form);
    });
  }
}
