package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;

/**
 * The few public OneNumber endpoints the simulator uses, over {@code java.net.http}: login,
 * contact intake, the agent API of {@code docs/api/agent-api.md} and the service-levels API. One client
 * per identity (it remembers its bearer token). Thread-safe. Failures: a 4xx answer is a
 * {@link Refused} (the caller decides; e.g. an offer already withdrawn), I/O and 5xx are
 * {@link RetriableException}s.
 */
final class OneNumberClient {

  /** The server said no (4xx); {@code status} and {@code body} say why. */
  static final class Refused extends PermanentException {
    final int status;

    Refused(int status, String body) {
      super("refused", "HTTP " + status + ": " + body);
      this.status = status;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private final HttpClient http;
  private final URI base;
  private volatile String token;

  OneNumberClient(HttpClient http, URI base) {
    this.http = http;
    this.base = base;
  }

  static HttpClient newHttp() {
    return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
  }

  OneNumberClient login(String username, String password) {
    JsonNode answer = post("/login", Map.of("username", username, "password", password));
    token = answer.path("access_token").asText(null);
    if (token == null) {
      throw new Refused(401, "no access_token for " + username);
    }
    return this;
  }

  String token() {
    return token;
  }

  JsonNode get(String path) {
    return send(request(path).GET().build());
  }

  JsonNode post(String path, Object body) {
    try {
      return send(request(path).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build());
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write request body for " + path, e);
    }
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private JsonNode send(HttpRequest request) {
    HttpResponse<String> response;
    try {
      response = http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new RetriableException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted: " + request.method() + " " + request.uri(), e);
    }
    int status = response.statusCode();
    if (status >= 500) {
      throw new RetriableException(request.method() + " " + request.uri() + " → " + status + " " + response.body(), null);
    }
    if (status >= 400) {
      throw new Refused(status, request.method() + " " + request.uri() + " " + response.body());
    }
    try {
      return response.body().isBlank() ? JSON.nullNode() : JSON.readTree(response.body());
    } catch (IOException e) {
      throw new RetriableException(request.uri() + ": bad JSON: " + e.getMessage(), e);
    }
  }
}
