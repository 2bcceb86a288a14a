package org.onenumber.server.faults;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Anonymous intake ({@code POST /api/v1/contacts}) as citizens at many addresses send it, quiet
 * and then beside a flood from one address, for {@code bin/bench security}. Each loopback address
 * (127.0.x.y, all routed to {@code lo} on Linux) is a real source address to the server: no header
 * is trusted for it. A citizen's address sends at most 25 requests, below the per-address limit.
 */
final class IntakeFlood {

  /** Latencies of the other addresses' requests, the flood's answers, and how long the flood took. */
  record Result(List<Long> othersNanos, int floodAccepted, int floodRefused, long floodNanos) {}

  private static final int PER_ADDRESS = 25;
  private final URI intake;
  private final Map<String, HttpClient> clients = new HashMap<>();
  private final AtomicInteger phones = new AtomicInteger();

  IntakeFlood(int port) {
    this.intake = URI.create("http://127.0.0.1:" + port + "/api/v1/contacts");
  }

  /** {@code requests} from citizens at addresses 127.{subnet}.x.y, one at a time; nanoseconds of each accepted one. */
  List<Long> citizens(int subnet, int requests, AtomicBoolean stop) throws IOException, InterruptedException {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < requests && (stop == null || !stop.get()); i++) {
      int n = i / PER_ADDRESS;
      HttpClient client = client("127." + subnet + "." + (n / 250 + 1) + "." + (n % 250 + 1));
      long t0 = System.nanoTime();
      int status = post(client);
      if (status == 201) {
        nanos.add(System.nanoTime() - t0);
      } else {
        throw new IllegalStateException("a citizen within the limit was answered " + status);
      }
    }
    return nanos;
  }

  /**
   * {@code flood} requests from 127.0.0.9 on {@code threads} threads while the citizens of {@code
   * subnet} send (up to {@code citizens} requests, only while the flood lasts).
   */
  Result underFlood(int flood, int threads, int subnet, int citizens) throws Exception {
    HttpClient flooder = client("127.0.0.9");
    AtomicInteger left = new AtomicInteger(flood);
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicBoolean done = new AtomicBoolean();
    AtomicInteger finished = new AtomicInteger();
    List<Thread> running = new ArrayList<>();
    long t0 = System.nanoTime();
    for (int t = 0; t < threads; t++) {
      running.add(Thread.ofPlatform().name("security-bench-flood-" + t).start(() -> {
        while (left.getAndDecrement() > 0) {
          try {
            (post(flooder) == 429 ? refused : accepted).incrementAndGet();
          } catch (IOException | InterruptedException e) {
            refused.incrementAndGet();
          }
        }
        if (finished.incrementAndGet() == threads) {
          done.set(true);
        }
      }));
    }
    List<Long> others = citizens(subnet, citizens, done);
    for (Thread t : running) {
      t.join();
    }
    long floodNanos = System.nanoTime() - t0;
    return new Result(others, accepted.get(), refused.get(), floodNanos);
  }

  private int post(HttpClient client) throws IOException, InterruptedException {
    String body = "{\"channel\":\"WEB_FORM\",\"phone\":\"010-7" + String.format("%07d", phones.incrementAndGet())
        + "\",\"language\":\"ko\",\"topic\":\"가로등 고장\"}";
    return client.send(HttpRequest.newBuilder(intake).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private HttpClient client(String address) {
    return clients.computeIfAbsent(address, a -> {
      try {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).localAddress(InetAddress.getByName(a)).build();
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    });
  }
}
