package org.onenumber.ops.simulator;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
 * error, counted apart from the server's refusals. Thread-safe.
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
  private final Semaphore requests;
  private final Semaphore sockets;
  private final int requestBound;
  private final int socketBound;
  private final Duration wait;
  private final LaneTimings timings;

  ClientLane(String name, int requests, int sockets, Duration wait) {
    this(name, requests, sockets, wait, new LaneTimings());
  }

  /** A lane whose requests are timed in {@code timings}, which several lanes may share. */
  ClientLane(String name, int requests, int sockets, Duration wait, LaneTimings timings) {
    this.name = name;
    this.timings = timings;
    this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
    this.requests = new Semaphore(requests, true);
    this.sockets = new Semaphore(sockets, true);
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
    return requestBound - requests.availablePermits();
  }

  /** Sends {@code request} once a place is free (at most the lane's wait). */
  <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body) throws IOException, InterruptedException {
    long asked = System.nanoTime();
    if (!requests.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimedOut(name + ": no place among " + requestBound + " requests in flight within " + wait.toSeconds()
          + " s: " + request.method() + " " + request.uri(), null);
    }
    long placed = System.nanoTime();
    timings.entered();
    long[] answered = {0};
    CompletableFuture<HttpResponse<T>> sent = http.sendAsync(request, body);
    CompletableFuture<HttpResponse<T>> answer = sent.whenComplete((r, e) -> answered[0] = System.nanoTime());
    try {
      return answer.get();
    } catch (InterruptedException e) {
      sent.cancel(true);
      throw e;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof HttpTimeoutException t) {
        throw new TimedOut(name + ": no answer within " + request.timeout().map(Duration::toSeconds).orElse(0L) + " s: "
            + request.method() + " " + request.uri(), t);
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      throw new IOException(cause);
    } finally {
      requests.release();
      long now = System.nanoTime();
      long done = answered[0] == 0 ? now : answered[0];
      timings.sent(placed - asked, done - placed, now - done);
    }
  }

  /** Takes a place for a long-lived socket (at most the lane's wait); give it back with {@link #socketClosed}. */
  void socketOpening() throws InterruptedException {
    if (!sockets.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimedOut(name + ": no place among " + socketBound + " sockets within " + wait.toSeconds() + " s", null);
    }
  }

  void socketClosed() {
    sockets.release();
  }

  @Override
  public void close() {
    http.shutdownNow();
  }
}
