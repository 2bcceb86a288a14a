package org.onenumber.server.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.onenumber.server.TestDatabases;

/**
 * Department cases at scale (issue 14) on PostgreSQL: a server in a child JVM on a fresh database,
 * {@code --cases N} cases (1,000,000) stored by {@link CaseSeed} after it started, then
 * <ol>
 *   <li>the department inbox ({@code GET /api/v1/departments/roads/inbox?view=active}, then
 *       {@code view=new}) as the road department's staff, {@code --reads} times each;
 *   <li>Open311 {@code GET requests.json} with a 90-day window and {@code status=open} (1,000
 *       results), {@code --reads} times;
 *   <li>Open311 {@code POST requests.json} from {@code --threads} threads for {@code --seconds};
 *   <li>a restart on the same database (the server's heap is 512 MB): seconds until {@code /health}
 *       answers, then until the live department figures answer (warmed from every stored case), the
 *       heap in use after a full GC then, and the batch department figures answering.
 * </ol>
 * Prints a table, last {@code RESULT cases stored=… seed_s=… inbox_p99_ms=… open311_get_p99_ms=…
 * open311_get_results=… post_per_s=… post_threads=… post_p99_ms=… restart_s=… figures_warm_s=… restart_heap_mb=… load=…} (the one-minute
 * load average at the end). Run by {@code bin/bench cases}; needs the PostgreSQL of
 * {@code bin/pg-setup}. Goals: inbox p99 ≤ 20 ms, GET p99 ≤ 50 ms, POST ≥ 500/s.
 */
public final class CasesBench {

  private CasesBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options = BenchArgs.parse(args);
    int count = options.integer("cases", 1_000_000);
    int reads = options.integer("reads", 200);
    if (options.options().containsKey("restart-on")) {
      restartOnly(options.options().get("restart-on"));
      return;
    }
    String url = TestDatabases.freshPostgres("onenumber_bench_cases");
    if (options.options().containsKey("keep")) {
      TestDatabases.keep(url);
      System.out.println("keeping the database " + url + " (drop it when done)");
    }
    Map<String, String> properties = properties(url);
    if (options.integer("lanes", 0) > 0) {
      properties.put("onenumber.open311.group-commit.lanes", String.valueOf(options.integer("lanes", 0)));
    }
    try (ServerProcess server = new ServerProcess(Files.createTempDirectory("onenumber-bench-cases"), properties)
        .start()) {
      double seeded = CaseSeed.seed(url, count);
      HttpClient http = HttpClient.newHttpClient();
      String staff = Logins.token(http, server.uri(), "staff-roads");
      List<Long> inbox = new ArrayList<>();
      for (String view : new String[] {"active", "new"}) {
        inbox.addAll(times(http, server.uri(), "/api/v1/departments/roads/inbox?view=" + view, staff, reads));
      }
      Instant now = Instant.now();
      String query = "/open311/v2/requests.json?status=open&start_date=" + now.minusSeconds(89L * 86_400)
          + "&end_date=" + now.plusSeconds(60);
      List<Long> gets = times(http, server.uri(), query, null, reads);
      String page = get(http, server.uri(), query, null).body();
      int results = page.split("\"service_request_id\"", -1).length - 1;
      int seconds = options.integer("seconds", 20);
      int postThreads = options.integer("threads", 8);
      List<Long> posts = Open311Bench.post(http, server.uri(), postThreads, seconds);
      double perSecond = posts.size() / (double) seconds;
      server.stop();
      Restart restart = restart(server, http);
      double restartSeconds = restart.seconds();
      long heapMb = restart.heapMb();
      System.out.printf("%-9s %8s %14s %18s %12s %10s %10s %12s%n", "stored", "seed_s", "inbox_p99_ms",
          "open311_get_p99_ms", "get_results", "post/s", "restart_s", "heap_mb");
      System.out.printf("%-9d %8.1f %14.1f %18.1f %12d %10.0f %10.1f %12d%n", count, seeded,
          Percentile.p99Millis(inbox), Percentile.p99Millis(gets), results, perSecond, restartSeconds, heapMb);
      System.out.printf("RESULT cases stored=%d seed_s=%.1f inbox_p99_ms=%.1f open311_get_p99_ms=%.1f"
          + " open311_get_results=%d post_per_s=%.0f post_threads=%d post_p99_ms=%.1f restart_s=%.1f figures_warm_s=%.1f"
          + " restart_heap_mb=%d load=%s%n",
          count, seeded, Percentile.p99Millis(inbox), Percentile.p99Millis(gets), results, perSecond, postThreads,
          Percentile.p99Millis(posts), restartSeconds,
          restart.warmedSeconds(), heapMb,
          Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    }
  }

  private static Map<String, String> properties(String url) {
    return new HashMap<>(Map.of("onenumber.rate-limits.open311-per-minute", "100000000",
        "onenumber.rate-limits.open311-read-per-minute", "100000000", "datasources.default.url", url,
        "datasources.default.driver-class-name", "org.postgresql.Driver", "datasources.default.username",
        TestDatabases.PG_USER, "datasources.default.password", TestDatabases.PG_PASSWORD));
  }

  /**
   * Seconds from start to {@code /health} 200, to the live department figures answering (their
   * warm-up over every stored case done), and the heap kept after a full GC then.
   */
  private record Restart(double seconds, double warmedSeconds, long heapMb) {}

  /** Starts {@code server} (stopped) again, times it, and asks the batch department figures once. */
  private static Restart restart(ServerProcess server, HttpClient http) throws Exception {
    long t0 = System.nanoTime();
    server.start();
    double seconds = (System.nanoTime() - t0) / 1e9;
    String supervisor = Logins.token(http, server.uri(), "sv-01");
    HttpResponse<String> live = get(http, server.uri(), "/api/v1/reports/departments", supervisor);
    while (live.statusCode() == 503) { // the warm-up still reads the stored cases
      live = get(http, server.uri(), "/api/v1/reports/departments", supervisor);
    }
    double warmed = (System.nanoTime() - t0) / 1e9;
    long heapMb = HeapAfterGc.megabytes(server.pid());
    String batch = get(http, server.uri(), "/api/v1/reports/departments?source=batch", supervisor).body();
    if (live.statusCode() != 200 || !batch.contains("\"received\"")) {
      throw new IllegalStateException("no department figures after the restart: " + live.body() + " / " + batch);
    }
    return new Restart(seconds, warmed, heapMb);
  }

  /**
   * {@code --restart-on URL}: only the restart, on a database a {@code --keep yes} run left: prints
   * {@code RESULT cases-restart cases=… restart_s=… figures_warm_s=… restart_heap_mb=… load=…}.
   */
  private static void restartOnly(String url) throws Exception {
    long stored;
    try (var c = java.sql.DriverManager.getConnection(url, TestDatabases.PG_USER, TestDatabases.PG_PASSWORD);
        var rows = c.createStatement().executeQuery("select count(*) from case_file")) {
      rows.next();
      stored = rows.getLong(1);
    }
    try (ServerProcess server = new ServerProcess(Files.createTempDirectory("onenumber-bench-cases"), properties(url))) {
      Restart restart = restart(server, HttpClient.newHttpClient());
      System.out.printf("RESULT cases-restart cases=%d restart_s=%.1f figures_warm_s=%.1f restart_heap_mb=%d"
          + " load=%s%n", stored, restart.seconds(), restart.warmedSeconds(), restart.heapMb(), Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
    }
  }

  /** Nanoseconds of {@code n} GETs after 20 unmeasured ones; fails on any answer but 200. */
  private static List<Long> times(HttpClient http, URI server, String path, String token, int n) throws Exception {
    List<Long> nanos = new ArrayList<>();
    for (int i = 0; i < n + 20; i++) {
      long t0 = System.nanoTime();
      HttpResponse<String> r = get(http, server, path, token);
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
      }
      if (i >= 20) {
        nanos.add(System.nanoTime() - t0);
      }
    }
    return nanos;
  }

  private static HttpResponse<String> get(HttpClient http, URI server, String path, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(server.resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
