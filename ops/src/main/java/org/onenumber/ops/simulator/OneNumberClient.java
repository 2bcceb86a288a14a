package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Supplier;
import org.onenumber.core.error.PermanentException;
import org.onenumber.core.error.RetriableException;

/**
 * The few public OneNumber endpoints the simulator uses, over {@code java.net.http}: login,
 * contact intake, the agent API of {@code docs/api/agent-api.md} and the service-levels API. One client
 * per identity (it remembers its bearer token, and renews it with the login's refresh token when a
 * request is refused 401: access tokens live 15 minutes, a simulated day longer). Thread-safe. Failures: a 4xx answer is a
 * {@link Refused} (the caller decides; e.g. an offer already withdrawn), 503 a {@link Busy} with the
 * server's {@code Retry-After}, I/O and other 5xx are {@link RetriableException}s, no place in its
 * {@link ClientLane} or no answer in time a {@link ClientLane.TimedOut}. Sends through its lane,
 * which bounds the requests in flight of every client sharing it.
 */
final class OneNumberClient {

  /** The server said "retry later" (503): nothing was stored; send again after {@code retryAfterSeconds}. */
  static final class Busy extends RetriableException {
    final long retryAfterSeconds;

    Busy(String message, long retryAfterSeconds) {
      super(message, null);
      this.retryAfterSeconds = retryAfterSeconds;
    }
  }

  /** A {@code Retry-After} header in seconds (the server sends seconds, never a date); 1 when absent or not a number. */
  static long retryAfterSeconds(String header) {
    try {
      return header == null ? 1 : Math.max(1, Math.min(60, Long.parseLong(header.strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  /** The server said no (4xx); {@code status} and {@code body} say why. */
  static final class Refused extends PermanentException {
    final int status;

    Refused(int status, String body) {
      super("refused", "HTTP " + status + ": " + body);
      this.status = status;
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  /** An access token's lifetime when the server's answer does not say ({@code expires_in}): 15 minutes. */
  static final long DEFAULT_LIFETIME_S = 900;
  private final ClientLane lane;
  private final URI base;
  private volatile String token;
  private volatile String refreshToken;
  /** The access token's lifetime as the last login or renewal said ({@code expires_in}), in seconds. */
  private volatile long expiresInSeconds = DEFAULT_LIFETIME_S;
  private final AtomicReference<Renewal> renewal = new AtomicReference<>();

  OneNumberClient(ClientLane lane, URI base) {
    this.lane = lane;
    this.base = base;
  }

  /** A client on a small lane of its own (a few requests of the report, outside the simulation's lanes). */
  static OneNumberClient alone(URI base, String name) {
    return new OneNumberClient(new ClientLane(name, 4, 0, SimulatorHttp.WAIT), base);
  }

  OneNumberClient login(String username, String password) {
    JsonNode answer = post("/login", Map.of("username", username, "password", password));
    token = answer.path("access_token").asText(null);
    refreshToken = answer.path("refresh_token").asText(null);
    expiresInSeconds = answer.path("expires_in").asLong(DEFAULT_LIFETIME_S);
    if (token == null) {
      throw new Refused(401, "no access_token for " + username);
    }
    return this;
  }

  String token() {
    return token;
  }

  JsonNode get(String path) {
    return await(getAsync(path));
  }

  /** As {@link #get}, waiting up to {@code timeout} for the answer (a day's report over a city's day). */
  JsonNode get(String path, Duration timeout) {
    return await(renewingOn401(() -> send(request(path).timeout(timeout).GET().build())));
  }

  /** As {@link #get}, holding no thread while the request waits for a place or an answer. */
  CompletableFuture<JsonNode> getAsync(String path) {
    return renewingOn401(() -> send(request(path).GET().build()));
  }

  JsonNode post(String path, Object body) {
    return await(postAsync(path, body));
  }

  JsonNode put(String path, Object body) {
    return await(withBody("PUT", path, body, null));
  }

  /** As {@link #post}, holding no thread while the request waits for a place or an answer. */
  CompletableFuture<JsonNode> postAsync(String path, Object body) {
    return withBody("POST", path, body, null);
  }

  /**
   * As {@link #postAsync}, with an {@code Idempotency-Key} header (null: none): the server answers
   * a repeat with the first answer instead of acting twice.
   */
  CompletableFuture<JsonNode> postAsync(String path, Object body, String idempotencyKey) {
    return withBody("POST", path, body, idempotencyKey);
  }

  /** The answer, on the caller's thread; the failure as it was (a {@link Refused}, {@link Busy}...). */
  private static JsonNode await(CompletableFuture<JsonNode> answer) {
    try {
      return answer.get();
    } catch (InterruptedException e) {
      answer.cancel(true);
      Thread.currentThread().interrupt();
      throw new RetriableException("interrupted", e);
    } catch (ExecutionException e) {
      throw unwrapped(e.getCause());
    }
  }

  /** The exception a failed future failed with, unwrapped from {@link CompletionException}s. */
  static RuntimeException unwrapped(Throwable failure) {
    Throwable cause = failure;
    while (cause instanceof CompletionException && cause.getCause() != null) {
      cause = cause.getCause();
    }
    return cause instanceof RuntimeException r ? r : new RetriableException(String.valueOf(cause.getMessage()), cause);
  }

  private CompletableFuture<JsonNode> withBody(String method, String path, Object body, String idempotencyKey) {
    String json;
    try {
      json = JSON.writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write request body for " + path, e);
    }
    return renewingOn401(() -> {
      HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
      return send((idempotencyKey == null ? request : request.header("Idempotency-Key", idempotencyKey)).build());
    });
  }

  /** The call; refused 401 with a token that can be renewed, renewed and called once more. */
  private CompletableFuture<JsonNode> renewingOn401(Supplier<CompletableFuture<JsonNode>> call) {
    String sent = token;
    return call.get().handle((answer, failure) -> {
      if (failure == null) {
        return CompletableFuture.completedFuture(answer);
      }
      RuntimeException e = unwrapped(failure);
      if (!(e instanceof Refused r) || r.status != 401 || sent == null || refreshToken == null) {
        return CompletableFuture.<JsonNode>failedFuture(e);
      }
      return renew(sent).thenCompose(renewed -> renewed ? call.get() : CompletableFuture.<JsonNode>failedFuture(e));
    }).thenCompose(Function.identity());
  }

  /**
   * Renews the access token that was {@code expired}, once however many requests found it expired
   * (they all wait for the same renewal); completes false when refused.
   */
  private CompletableFuture<Boolean> renew(String expired) {
    while (true) {
      if (!expired.equals(token)) {
        return CompletableFuture.completedFuture(true);
      }
      Renewal under = renewal.get();
      if (under != null && under.expired.equals(expired)) {
        return under.done;
      }
      Renewal mine = new Renewal(expired, new CompletableFuture<>());
      if (!renewal.compareAndSet(under, mine)) {
        continue;
      }
      HttpRequest refresh;
      try {
        refresh = HttpRequest.newBuilder(base.resolve("/api/v1/session/refresh")).timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("refresh_token", refreshToken))))
            .build();
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        mine.done.complete(false);
        return mine.done;
      }
      send(refresh).whenComplete((answer, failure) -> {
        if (failure == null) {
          token = answer.path("access_token").asText(null);
          refreshToken = answer.path("refresh_token").asText(null);
          expiresInSeconds = answer.path("expires_in").asLong(DEFAULT_LIFETIME_S);
        }
        mine.done.complete(failure == null && token != null);
      });
      return mine.done;
    }
  }

  /** A renewal of the access token {@code expired} under way. */
  private record Renewal(String expired, CompletableFuture<Boolean> done) {}

  /**
   * Renews the access token now, before it expires, as the console's session renewal does at three
   * quarters of its lifetime; the renewed token, or null when refused (no refresh token, or the
   * server said no).
   */
  String renewAhead() {
    String current = token;
    return current != null && refreshToken != null && renew(current).join() ? token : null;
  }

  /** The current access token's lifetime, as the server said when it was issued. */
  Duration lifetime() {
    return Duration.ofSeconds(Math.max(1, expiresInSeconds));
  }

  private HttpRequest.Builder request(String path) {
    HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
        .header("Accept", "application/json");
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private CompletableFuture<JsonNode> send(HttpRequest request) {
    return lane.sendAsync(request, HttpResponse.BodyHandlers.ofString()).handle((response, failure) -> {
      if (failure != null) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause()
            : failure;
        throw cause instanceof RuntimeException e ? e // the lane's TimedOut among them
            : new RetriableException(request.method() + " " + request.uri() + ": " + cause.getMessage(), cause);
      }
      return answerOf(request, response);
    });
  }

  private static JsonNode answerOf(HttpRequest request, HttpResponse<String> response) {
    int status = response.statusCode();
    if (status == 503) {
      throw new Busy(request.method() + " " + request.uri() + " → 503 " + response.body(),
          retryAfterSeconds(response.headers().firstValue("Retry-After").orElse(null)));
    }
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
