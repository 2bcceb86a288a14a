package org.onenumber.server.faults;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Open311 GeoReport v2 under load, against a server in a child JVM on a throw-away data directory:
 * {@code POST requests.json} from N threads for S seconds (each waits for its durable answer), then
 * {@code GET requests.json} with a date range and {@code status=open} returning 1,000 requests,
 * over everything stored. Prints a table, last
 * {@code RESULT open311 db=… stored=… post_per_s=… post_p99_ms=… get_results=… get_p99_ms=…}.
 * Run by {@code bin/bench open311}. Arguments: {@code --threads N} (8), {@code --seconds N} (20),
 * {@code --gets N} (200), {@code --postgres URL}.
 */
public final class Open311Bench {

  private Open311Bench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options = BenchArgs.parse(args);
    int threads = options.integer("threads", 8);
    int seconds = options.integer("seconds", 20);
    int gets = options.integer("gets", 200);
    Map<String, String> properties = new HashMap<>(Map.of("onenumber.rate-limits.open311-per-minute", "100000000",
        "onenumber.rate-limits.open311-read-per-minute", "100000000"));
    options.database(properties);
    String db = options.postgres() ? "postgres" : "h2";
    try (ServerProcess server = new ServerProcess(Files.createTempDirectory("onenumber-bench-open311"), properties)
        .start()) {
      HttpClient http = HttpClient.newHttpClient();
      Instant start = Instant.now().minusSeconds(60);
      List<Long> warm = post(http, server.uri(), threads, 5);
      List<Long> posts = post(http, server.uri(), threads, seconds);
      String query = "/open311/v2/requests.json?status=open&start_date=" + start + "&end_date="
          + Instant.now().plusSeconds(60);
      int results = 0;
      List<Long> reads = new ArrayList<>();
      for (int i = 0; i < gets + 20; i++) {
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.uri().resolve(query)).build(),
            HttpResponse.BodyHandlers.ofString());
        if (i >= 20) {
          reads.add(System.nanoTime() - t0);
        }
        results = r.body().split("\"service_request_id\"", -1).length - 1;
      }
      int stored = warm.size() + posts.size();
      double perSecond = posts.size() / (double) seconds;
      System.out.printf("%-9s %8s %8s %12s %12s %12s%n", "db", "stored", "post/s", "post_p99_ms", "get_results",
          "get_p99_ms");
      System.out.printf("%-9s %8d %8.0f %12.1f %12d %12.1f%n", db, stored, perSecond, Percentile.p99Millis(posts), results, Percentile.p99Millis(reads));
      System.out.printf("RESULT open311 db=%s stored=%d post_per_s=%.0f post_p99_ms=%.1f get_results=%d"
          + " get_p99_ms=%.1f%n", db, stored, perSecond, Percentile.p99Millis(posts), results, Percentile.p99Millis(reads));
    }
  }

  /** POSTs requests from {@code threads} threads for {@code seconds}; the latencies of the 200 answers. */
  static List<Long> post(HttpClient http, URI server, int threads, int seconds) throws InterruptedException {
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    long until = System.nanoTime() + seconds * 1_000_000_000L;
    AtomicInteger failures = new AtomicInteger();
    List<Thread> running = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      running.add(Thread.ofPlatform().name("open311-bench-" + t).start(() -> {
        int n = 0;
        while (System.nanoTime() < until) {
          String form = "api_key=demo-open311-key&service_code=roads-01&lat=37.5" + thread + "&long=126.9" + (n++ % 10)
              + "&description=" + URLEncoder.encode("Bench pothole " + n, StandardCharsets.UTF_8);
          long t0 = System.nanoTime();
          try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(server.resolve("/open311/v2/requests.json"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers
                    .ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() == 200) {
              latencies.add(System.nanoTime() - t0);
            } else {
              failures.incrementAndGet();
            }
          } catch (Exception e) {
            failures.incrementAndGet();
          }
        }
      }));
    }
    for (Thread t : running) {
      t.join();
    }
    if (failures.get() > 0) {
      System.out.println("note: " + failures.get() + " POSTs were not answered 200");
    }
    return latencies;
  }
}
