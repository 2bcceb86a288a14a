package org.onenumber.server.faults;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.onenumber.server.security.RateLimiterCost;

/**
 * The goals of issue 12's benchmark, each measured where its cost lives:
 *
 * <ol>
 *   <li>a record view with auditing against one without ({@link AuditedViewCost}, in process on the
 *       server's database: the extra p99 must stay within 1 ms);
 *   <li>the rate limiter's own decision ({@code RateLimiterCost}: p99 at most 50 µs);
 *   <li>anonymous intake from other addresses, quiet and beside a 10,000-request flood from one
 *       address ({@link IntakeFlood} against a server in a child JVM on a throw-away data directory,
 *       server's default limits): the others' p99 within 2× of the quiet figure.
 * </ol>
 *
 * Prints a table, last {@code RESULT security db=… view_p99_ms=… audited_view_p99_ms=…
 * audit_extra_p99_ms=… limiter_p99_us=… intake_quiet_p99_ms=… intake_flood_p99_ms=… flood_ratio=…
 * flood_refused_per_s=…}. Run by {@code bin/bench security}. Arguments: {@code --views N} (5000),
 * {@code --limiter-calls N} (1000000), {@code --flood N} (10000), {@code --flood-threads N} (4),
 * {@code --citizens N} (500), {@code --postgres URL}.
 */
public final class SecurityBench {

  private SecurityBench() {}

  public static void main(String[] args) throws Exception {
    BenchArgs options = BenchArgs.parse(args);
    String db = options.postgres() ? "postgres" : "h2";
    AuditedViewCost.Samples views = AuditedViewCost.measure(options.options().get("postgres"),
        Files.createTempDirectory("onenumber-bench-security-views"), options.integer("views", 5000));
    double view = Percentile.p99Millis(views.plain());
    double audited = Percentile.p99Millis(views.audited());
    long[] limiter = RateLimiterCost.measure(options.integer("limiter-calls", 1_000_000), 10_000);
    double limiterP99 = RateLimiterCost.quantileMicros(limiter, 0.99);
    Map<String, String> properties = new HashMap<>();
    options.database(properties);
    double quiet;
    double flooded;
    double refusedPerSecond;
    try (ServerProcess server = new ServerProcess(Files.createTempDirectory("onenumber-bench-security"), properties)
        .start()) {
      IntakeFlood intake = new IntakeFlood(server.uri().getPort());
      int citizens = options.integer("citizens", 500);
      intake.citizens(1, citizens, null);
      quiet = Percentile.p99Millis(intake.citizens(2, citizens, null));
      IntakeFlood.Result flood = intake.underFlood(options.integer("flood", 10_000), options.integer("flood-threads", 4),
          3, citizens * 4);
      flooded = Percentile.p99Millis(flood.othersNanos());
      refusedPerSecond = flood.floodRefused() / (flood.floodNanos() / 1e9);
      System.out.printf("flood: %d accepted, %d refused (429) in %.1f s; %d other requests measured meanwhile%n",
          flood.floodAccepted(), flood.floodRefused(), flood.floodNanos() / 1e9, flood.othersNanos().size());
    }
    double ratio = flooded / quiet;
    System.out.printf("%-22s %10s %10s%n", "figure", "p99", "goal");
    System.out.printf("%-22s %8.3f ms %10s%n", "view", view, "");
    System.out.printf("%-22s %8.3f ms %10s%n", "audited view", audited, "");
    System.out.printf("%-22s %8.3f ms %10s%n", "audit extra", audited - view, "<= 1 ms");
    System.out.printf("%-22s %8.2f us %10s%n", "rate limiter decision", limiterP99, "<= 50 us");
    System.out.printf("%-22s %8.2f ms %10s%n", "intake quiet", quiet, "");
    System.out.printf("%-22s %8.2f ms %10s%n", "intake beside flood", flooded, "<= 2x quiet");
    System.out.printf("RESULT security db=%s view_p99_ms=%.3f audited_view_p99_ms=%.3f audit_extra_p99_ms=%.3f"
        + " limiter_p99_us=%.2f intake_quiet_p99_ms=%.2f intake_flood_p99_ms=%.2f flood_ratio=%.2f"
        + " flood_refused_per_s=%.0f%n", db, view, audited, audited - view, limiterP99, quiet, flooded, ratio,
        refusedPerSecond);
  }
}
