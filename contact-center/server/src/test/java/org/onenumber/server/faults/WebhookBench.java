package org.onenumber.server.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The cost of a durable acknowledgement: signed SMS webhooks from N threads (each waits for its
 * answer) against a server in a child JVM on a throw-away data directory, after a warm-up.
 * Prints webhooks per second and latency percentiles, last a line
 * {@code RESULT webhooks db=… threads=… per_s=… p50_ms=… p99_ms=…}. Run by {@code bin/bench webhooks}.
 * Arguments: {@code --threads N} (8), {@code --seconds N} (20), {@code --warmup N} (8),
 * {@code --h2-write-delay-ms 500} (H2's former background writes, not durable),
 * {@code --postgres URL} (a PostgreSQL database to use instead of H2, role onenumber), {@code --db
 * postgres} (a fresh database on the local server, dropped at exit), {@code --jfr FILE} (a JFR
 * {@code settings=profile} recording of the server over the measured run). On PostgreSQL the line also
 * carries {@code tx_per_webhook}: the database's committed transactions ({@code pg_stat_database})
 * during the measured run, divided by the webhooks acknowledged in it. On both it carries {@code
 * sql_per_webhook}: the server's {@code onenumber_sql_statements_total} (every statement, savepoint,
 * commit and rollback; read from {@code /prometheus} as {@code admin}) over the same run, divided
 * the same way, and the CPU each process spent over the run per acknowledged webhook ({@link CpuBudget}:
 * {@code server_cpu_us}, until session 19 {@code server_cpu_us_per_webhook}; {@code pg_cpu_us}, {@code
 * pg_db_cpu_us}, {@code client_cpu_us}) with the ceiling their sum puts on the rate ({@code ceiling_per_s},
 * {@code server_ceiling_per_s}), figures that hold on a loaded machine where the rate does not, and the
 * one-minute {@code load} average before and after the run; and {@code pool_acquire_us}: the mean wait for a connection of the shared pool over the
 * run ({@code hikaricp_connections_acquire_seconds}, sum over count), and {@code pool_acquires_per_webhook}
 * how many shared-pool connections each acknowledged request took (the own pools are not on the
 * page); {@code classify_pending}: new
 * contacts whose topic still waited for the classifier thread when the run ended (their CPU falls
 * after the run: a large figure means the classifier lags and the CPU figure flatters).
 *
 * <p>The contacts API ({@code bin/bench contacts}, issue 17, session 17): {@code --intake N} threads post
 * {@code POST /api/v1/contacts} (each with its own {@code Idempotency-Key}) beside the {@code --threads}
 * webhook posters (0 for contacts alone), the per-address intake limit lifted; {@code --lanes N} sets
 * the inbound group commit's lanes ({@code onenumber.messaging.group-commit.lanes}). The line then
 * says where a lane's time goes, per committed batch over the run: {@code items_per_tx}, {@code
 * sql_per_tx} (the server's statements, all of them, over the batches), {@code work_ms_per_tx} (the
 * items' statements and their round trips), {@code commit_ms_per_tx} (the rest of the batch: the
 * connection, the commit and its fsync), and {@code lane_busy} (the share of the run the lanes were
 * committing, all lanes together: near 1.0 the lanes are the limit).
 */
public final class WebhookBench {

  private static final String CLASSIFY_PENDING = "onenumber_intake_classify_pending";
  private static final String STATEMENTS = "onenumber_sql_statements_total";
  private static final String ACQUIRE_SUM = "hikaricp_connections_acquire_seconds_sum";
  private static final String ACQUIRE_COUNT = "hikaricp_connections_acquire_seconds_count";

  private WebhookBench() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    int threads = Integer.parseInt(options.getOrDefault("threads", "8"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "8"));
    int intake = Integer.parseInt(options.getOrDefault("intake", "0"));
    double rate = Double.parseDouble(options.getOrDefault("rate", "0"));
    String what = threads == 0 && intake > 0 ? "contacts" : "webhooks";
    Path dir = Files.createTempDirectory("onenumber-bench-webhooks");
    Map<String, String> properties = new HashMap<>();
    String db = "h2-write-delay-" + options.getOrDefault("h2-write-delay-ms", "0") + "ms";
    if ("postgres".equals(options.get("db"))) {
      options.put("postgres", org.onenumber.server.TestDatabases.freshPostgres("bench_webhooks"));
    }
    if (options.containsKey("postgres")) {
      db = "postgres";
      properties.putAll(Map.of("datasources.default.url", options.get("postgres"),
          "datasources.default.driver-class-name", "org.postgresql.Driver",
          "datasources.default.username", "onenumber", "datasources.default.password", "onenumber"));
    } else {
      properties.put("onenumber.durability.h2-write-delay-ms", options.getOrDefault("h2-write-delay-ms", "0"));
    }
    if (options.containsKey("lanes")) {
      properties.put("onenumber.messaging.group-commit.lanes", options.get("lanes"));
    }
    if (intake > 0) {
      properties.put("onenumber.rate-limits.intake-per-minute", "100000000");
    }
    try (ServerProcess server = new ServerProcess(dir, properties).start()) {
      run(server, "warm", threads, intake, warmup, rate);
      String url = options.get("postgres");
      var http = java.net.http.HttpClient.newHttpClient();
      String admin = Logins.token(http, server.uri(), "admin");
      String metricsBefore = metrics(http, server, admin);
      long committedBefore = url == null ? 0 : committed(url);
      String load1Before = loadAverage();
      if (options.containsKey("jfr")) {
        jcmd(server, "JFR.start", "name=bench", "settings=profile",
            "jdk.CPUTimeSample#enabled=true", "jdk.CPUTimeSample#throttle=2ms", "filename=" + Path.of(options.get("jfr")).toAbsolutePath());
      }
      CpuBudget budget = CpuBudget.start(server, url);
      AckedLoad load = run(server, "bench", threads, intake, seconds, rate);
      budget.stop();
      if (options.containsKey("jfr")) {
        jcmd(server, "JFR.stop", "name=bench");
      }
      String metricsAfter = metrics(http, server, admin);
      String transactions = String.format(" sql_per_webhook=%.1f%s pool_acquire_us=%.0f"
          + " pool_acquires_per_webhook=%.2f",
          (sum(metricsAfter, STATEMENTS) - sum(metricsBefore, STATEMENTS)) / Math.max(1, load.acknowledged()),
          budget.figures(load.acknowledged()),
          (sum(metricsAfter, ACQUIRE_SUM) - sum(metricsBefore, ACQUIRE_SUM)) * 1e6
              / Math.max(1, sum(metricsAfter, ACQUIRE_COUNT) - sum(metricsBefore, ACQUIRE_COUNT)),
          (sum(metricsAfter, ACQUIRE_COUNT) - sum(metricsBefore, ACQUIRE_COUNT)) / Math.max(1, load.acknowledged()));
      // topics still waiting for the classifier after the run (its CPU not in server_cpu_us)
      transactions += String.format(" classify_pending=%.0f", metricsAfter.contains(CLASSIFY_PENDING)
          ? sum(metricsAfter, CLASSIFY_PENDING) : 0);
      transactions += LaneFigures.between(metricsBefore, metricsAfter, seconds);
      if (url != null) {
        TimeUnit.MILLISECONDS.sleep(1500); // backends report their counts at most once a second
        transactions += String.format(" tx_per_webhook=%.2f",
            (committed(url) - committedBefore) / (double) Math.max(1, load.acknowledged()));
      }
      double perSecond = load.acknowledged() / (double) seconds;
      System.out.print(budget.serverThreads(load.acknowledged()));
      System.out.printf("%-22s %8s %8s %8s %8s%n", "db", "per_s", "p50_ms", "p99_ms", "p999_ms");
      System.out.printf("%-22s %8.0f %8.1f %8.1f %8.1f%n", db, perSecond, load.percentileMillis(50),
          load.percentileMillis(99), load.percentileMillis(99.9));
      System.out.printf("RESULT %s db=%s threads=%d intake=%d rate=%.0f per_s=%.0f p50_ms=%.1f p99_ms=%.1f%s"
          + " load_before=%s load=%s%n", what, db, threads, intake, rate, perSecond, load.percentileMillis(50),
          load.percentileMillis(99), transactions,
          load1Before, loadAverage());
    }
  }

  /** {@code jcmd SERVER-PID args…} with this JVM's {@code jcmd}; its output to ours. */
  private static void jcmd(ServerProcess server, String... args) throws java.io.IOException, InterruptedException {
    var command = new java.util.ArrayList<>(java.util.List.of(
        Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(server.pid())));
    command.addAll(java.util.List.of(args));
    if (new ProcessBuilder(command).inheritIO().start().waitFor() != 0) {
      throw new IllegalStateException("failed: " + command);
    }
  }

  /** The one-minute load average now ({@code /proc/loadavg}), "?" where there is none. */
  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
    } catch (java.io.IOException notLinux) {
      return "?";
    }
  }

  /** The server's {@code /prometheus} page now. */
  private static String metrics(java.net.http.HttpClient http, ServerProcess server, String admin)
      throws java.io.IOException, InterruptedException {
    return http.send(java.net.http.HttpRequest.newBuilder(server.uri().resolve("/prometheus"))
        .header("Authorization", "Bearer " + admin).build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The sum of {@code name}'s series (every tag set) on a {@code /prometheus} page. */
  static double sum(String metrics, String name) {
    var value = java.util.regex.Pattern.compile("(?m)^" + name + "(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
    double sum = 0;
    boolean found = false;
    while (value.find()) {
      sum += Double.parseDouble(value.group(1));
      found = true;
    }
    if (!found) {
      throw new IllegalStateException("no " + name + " on /prometheus");
    }
    return sum;
  }

  /** The transactions committed in {@code url}'s database so far (this query's own included). */
  private static long committed(String url) throws java.sql.SQLException {
    try (var c = java.sql.DriverManager.getConnection(url, "onenumber", "onenumber");
        var row = c.createStatement().executeQuery(
            "select xact_commit from pg_stat_database where datname = current_database()")) {
      row.next();
      return row.getLong(1);
    }
  }

  private static AckedLoad run(ServerProcess server, String tag, int threads, int intake, int seconds, double rate)
      throws Exception {
    AckedLoad load = new AckedLoad(server.uri(), tag);
    if (rate > 0) {
      load.paced(rate / (threads + intake));
    }
    load.start(threads, intake);
    TimeUnit.SECONDS.sleep(seconds);
    load.stop();
    if (!load.unackedWebhooks().isEmpty()) {
      System.out.println("note: " + load.unackedWebhooks().size() + " webhooks were not answered 2xx");
    }
    return load;
  }
}
