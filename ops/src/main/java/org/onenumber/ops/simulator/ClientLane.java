package org.onenumber.ops.simulator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import org.onenumber.core.error.RetriableException;

/**
 * One JDK {@link HttpClient} of the simulator (its own selector thread and executor) with a bound
 * on what it holds open: at most {@code requests} requests in flight and at most {@code sockets}
 * long-lived WebSockets (chat conversations) at once. The JDK client opens a new HTTP/1.1
 * connection for every request that finds no idle one and never refuses
 * ({@code jdk.httpclient.connectionPoolSize} only bounds the idle cache), so with the requests
 * bounded it holds at most {@code requests} pooled connections plus its sockets. A request or
 * socket that finds the lane full waits for a place at most {@code wait}; after that, or when the
 * server does not answer within the request's own timeout, it is {@link TimedOut}: the simulator's
 * error, counted apart from the server's refusals. A request or socket that waits for a place holds
 * no thread ({@link AsyncPlaces}): {@link #sendAsync} and {@link #socketAsync} queue it as a
 * continuation; {@link #send} is the same for callers on threads of their own (the operators).
 * Thread-safe.
 */
final class ClientLane implements AutoCloseable {

  /** The simulator could not send in time (no place in its lane) or got no answer in time. */
  static final class TimedOut extends RetriableException {
    TimedOut(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final String name;
  private final HttpClient http;
  private final AsyncPlaces requests;
  private final AsyncPlaces sockets;
  private final int requestBound;
  private final int socketBound;
  private final Duration wait;
  private final LaneTimings timings;

  ClientLane(String name, int requests, int sockets, Duration wait) {
    this(name, requests, sockets, wait, new LaneTimings());
  }

  /** A lane whose requests are timed in {@code timings}, which several lanes may share. */
  ClientLane(String name, int requests, int sockets, Duration wait, LaneTimings timings) {
    this(name, requests, sockets, wait, timings, null);
  }

  /**
   * As {@link #ClientLane(String, int, int, Duration, LaneTimings)}, its client's answers and
   * socket frames handled on {@code executor} (null: the JDK client's own pool, which grows a
   * thread for each answer handled at once).
   */
  ClientLane(String name, int requests, int sockets, Duration wait, LaneTimings timings, Executor executor) {
    this.name = name;
    this.timings = timings;
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
        .version(HttpClient.Version.HTTP_1_1);
    this.http = (executor == null ? client : client.executor(executor)).build();
    this.requests = new AsyncPlaces(requests);
    this.sockets = new AsyncPlaces(sockets);
    this.requestBound = requests;
    this.socketBound = sockets;
    this.wait = wait;
  }

  String name() {
    return name;
  }

  /** The client itself, for WebSockets held for the lane's whole life (an operator's console). */
  HttpClient http() {
    return http;
  }

  /** Most connections this lane opens at once: its requests in flight plus its held sockets. */
  int connectionBound() {
    return requestBound + socketBound;
  }

  /** Requests in flight now. */
  int inFlight() {
    return requests.taken();
  }

  /** Sends {@code request} once a place is free (at most the lane's wait), on the caller's thread. */
  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
    long[] answered = {0};
    CompletableFuture<HttpResponse<T>> answer = sendAsync(request, body);
    try {
      HttpResponse<T> response = answer.whenComplete((r, e) -> answered[0] = System.nanoTime()).get();
      timings.resumed(System.nanoTime() - answered[0]);
      return response;
    } catch (InterruptedException e) {
      answer.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      if (e.getCause() instanceof IOException io) {
        throw io;
      }
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(e.getCause());
    }
  }

  /**
   * Sends {@code request} once a place is free (at most the lane's wait), holding no thread while
   * it waits for the place or the answer; fails with {@link TimedOut} (no place or no answer in
   * time) or the client's {@link IOException}.
   */
  <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    long asked = System.nanoTime();
    return requests.take(wait.toMillis(), () -> new TimedOut(name + ": no place among " + requestBound
        + " requests in flight within " + wait.toSeconds() + " s: " + request.method() + " " + request.uri(), null))
        .thenCompose(placed -> {
          long at = System.nanoTime();
          timings.entered();
          CompletableFuture<HttpResponse<T>> sent;
          try {
            sent = http.sendAsync(request, body);
          } catch (RuntimeException e) { // a client already shut down
            sent = CompletableFuture.failedFuture(e);
          }
          return sent.handle((response, failure) -> {
            requests.release();
            timings.sent(at - asked, System.nanoTime() - at);
            if (failure == null) {
              return response;
            }
            throw new CompletionException(failureOf(request, failure));
          });
        });
  }

  /** The client's failure as the lane reports it: no answer in time is {@link TimedOut}. */
  private static Throwable failureOf(HttpRequest request, Throwable failure) {
    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
    if (cause instanceof HttpTimeoutException t) {
      return new TimedOut("no answer within " + request.timeout().map(Duration::toSeconds).orElse(0L) + " s: "
          + request.method() + " " + request.uri(), t);
    }
    return cause instanceof IOException || cause instanceof RuntimeException ? cause : new IOException(cause);
  }

  /**
   * A place for a long-lived socket, now or once one is free (at most the lane's wait, then {@link
   * TimedOut}); give it back with {@link #socketClosed}.
   */
  CompletableFuture<Void> socketAsync() {
    return sockets.take(wait.toMillis(), () -> new TimedOut(name + ": no place among " + socketBound + " sockets within "
        + wait.toSeconds() + " s", null));
  }

  void socketClosed() {
    sockets.release();
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
