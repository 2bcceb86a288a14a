package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.json.JsonMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Collectors;

/**
 * Seeded random inputs for the property tests of the public inputs (no jqwik): {@link #forAll}
 * runs a property with a printed seed ({@code -Dtests.seed=N} replays it), {@link #text} draws any
 * text with the edge cases, {@link #check} is the property of an HTTP answer.
 */
final class SeededInputs {

  static final List<String> EDGES = List.of("", " ", "null", "NaN", "-1", "1e309", "javascript:alert(1)",
      "file:///etc/passwd", "'; drop table contact; --", "x".repeat(5000), "+82 10-1234-5678", "01012345678");
  private static final JsonMapper JSON = JsonMapper.createDefault();

  private SeededInputs() {
  }

  /** Runs {@code tries} tries of {@code property} with a seeded generator; a failure names the seed. */
  static void forAll(int tries, Property property) throws Exception {
    long seed = Long.getLong("tests.seed", System.nanoTime());
    SplittableRandom random = new SplittableRandom(seed);
    try {
      for (int i = 0; i < tries; i++) {
        property.check(random);
      }
    } catch (AssertionError e) {
      throw new AssertionError("seed " + seed + " (replay with -Dtests.seed=" + seed + "): " + e.getMessage(), e);
    }
  }

  interface Property {
    void check(SplittableRandom random) throws Exception;
  }

  /** Any text: an edge case, phone-like characters, or any char of the Basic Multilingual Plane outside surrogates. */
  static String text(SplittableRandom random) {
    return switch (random.nextInt(4)) {
      case 0 -> EDGES.get(random.nextInt(EDGES.size()));
      case 1 -> chars(random, "0123456789+-() .", 30);
      default -> random.ints(random.nextInt(300), 0, 0xD800).mapToObj(c -> String.valueOf((char) c))
          .collect(Collectors.joining());
    };
  }

  /**
   * A WebSocket frame of any shape: a JSON value that is not an object ({@code null}, an array, a
   * number, a string), JSON nested far deeper than any frame (to 30,000 levels, within the sockets'
   * 64 KiB), an object of
   * {@code type} with {@code fields} of random values, cut short or not, or any text.
   */
  static String anyFrame(SplittableRandom random, String type, List<String> fields) throws IOException {
    int depth = List.of(2, 500, 5_000, 30_000).get(random.nextInt(4));
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("type", type);
    for (String field : fields) {
      if (random.nextBoolean()) {
        frame.put(field, switch (random.nextInt(5)) {
          case 0 -> random.nextInt();
          case 1 -> List.of(text(random));
          case 2 -> Map.of("x", text(random));
          case 3 -> random.nextBoolean();
          default -> text(random);
        });
      }
    }
    String json = JSON.writeValueAsString(frame);
    return switch (random.nextInt(9)) {
      case 0 -> (String) oneOf(random, "null", "true", "0", "-1e309", "\"ping\"", "[]", "[null]", "{}", "[{\"type\":\"ping\"}]");
      case 1 -> "[".repeat(depth) + "]".repeat(depth);
      case 2 -> "{\"type\":".repeat(Math.min(depth, 7_000)) + "1" + "}".repeat(Math.min(depth, 7_000));
      case 3 -> json.substring(0, random.nextInt(json.length()));
      case 4 -> text(random);
      default -> json;
    };
  }

  static String chars(SplittableRandom random, String alphabet, int maxLength) {
    return random.ints(random.nextInt(maxLength + 1), 0, alphabet.length())
        .mapToObj(i -> String.valueOf(alphabet.charAt(i))).collect(Collectors.joining());
  }

  static Object oneOf(SplittableRandom random, Object... choices) {
    return random.nextBoolean() ? choices[random.nextInt(choices.length)] : text(random);
  }

  /** Success, or a 4xx with a JSON body that repeats none of the values sent (those long enough to tell). */
  static void check(HttpResponse<String> answer, Map<String, Object> sent) throws IOException {
    int status = answer.statusCode();
    assertTrue(status < 500, () -> "never a 5xx: " + status + " " + answer.body() + " for " + sent);
    if (status < 400) {
      return;
    }
    JSON.readValue(answer.body(), Object.class);
    for (Object value : sent.values()) {
      String text = String.valueOf(value).strip();
      if (text.length() >= 6) {
        assertFalse(answer.body().contains(text), () -> "the answer " + answer.body() + " repeats " + text);
      }
    }
  }
}
