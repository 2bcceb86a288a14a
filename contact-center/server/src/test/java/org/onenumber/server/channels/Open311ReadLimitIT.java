package org.onenumber.server.channels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Open311 reads are limited per source address ({@code onenumber.rate-limits.open311-read-per-minute},
 * 3 here): past the limit every read answers 429 in the spec's error shape, in the suffix's format,
 * with {@code Retry-After}.
 */
class Open311ReadLimitIT {

  @RegisterExtension
  final ServerHarness server = ServerHarness.perTest(Map.of("onenumber.rate-limits.open311-read-per-minute", 3));
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(server.uri().resolve(path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void readsPastTheLimitAre429WithRetryAfterInTheSpecsShape() throws Exception {
    assertEquals(200, get("/open311/v2/services.json").statusCode());
    assertEquals(200, get("/open311/v2/services/roads-01.xml").statusCode());
    assertEquals(200, get("/open311/v2/requests.json").statusCode());

    HttpResponse<String> json = get("/open311/v2/requests.json");
    assertEquals(429, json.statusCode());
    assertTrue(Long.parseLong(json.headers().firstValue("Retry-After").orElseThrow()) >= 1);
    assertTrue(json.body().matches("(?s)\\[\\s*\\{\\s*\"code\"\\s*:\\s*429\\s*,\\s*\"description\"\\s*:\\s*\"too many requests.*"),
        json.body());

    HttpResponse<String> xml = get("/open311/v2/tokens/abc.xml");
    assertEquals(429, xml.statusCode());
    assertTrue(xml.body().contains("<code>429</code>") && xml.body().contains("<errors>"), xml.body());
    assertTrue(xml.headers().firstValue("Retry-After").isPresent());
    assertEquals(429, get("/open311/v2/requests/C-1.json").statusCode());
  }
}
