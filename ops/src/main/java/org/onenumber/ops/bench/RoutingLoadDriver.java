package org.onenumber.ops.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.onenumber.core.routing.Decisions;
import org.onenumber.core.routing.RoutingCommand;

/**
 * Load driver for the routing engine: builds each {@link RoutingScenario.Size}, warms up, then
 * times every {@code handle} call (one routing decision: an arrival, an accept, a completion that
 * frees an agent, a state change, with the timers due at that instant) on this one thread.
 * Prints a table and, last, {@code RESULT routing ...} for the large scenario.
 *
 * <p>Arguments: {@code [measuredCommands] [warmupCommands] [seed]}; defaults 400,000 / 150,000 / 42.
 */
public final class RoutingLoadDriver {

  /** One scenario's figures. */
  record Figures(RoutingScenario.Size size, int waitingAtEnd, long commands, double p50Micros, double p99Micros,
      double p999Micros, double maxMicros, double decisionsPerSecond, double offersPerSecond, double cpuP999Micros,
      double cpuDecisionsPerSecond) {}

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private RoutingLoadDriver() {}

  public static void main(String[] args) {
    int measured = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 150_000;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 42;
    List<Figures> rows = new ArrayList<>();
    for (RoutingScenario.Size size : List.of(RoutingScenario.Size.SMALL, RoutingScenario.Size.LARGE)) {
      rows.add(run(size, measured, warmup, seed));
    }
    print(rows);
  }

  static Figures run(RoutingScenario.Size size, int measured, int warmup, long seed) {
    long built = System.nanoTime();
    RoutingScenario scenario = new RoutingScenario(size, seed);
    System.out.printf(Locale.ROOT, "built %d agents / %d waiting in %.1f s%n", size.agents(), scenario.waiting(),
        (System.nanoTime() - built) / 1e9);
    for (int i = 0; i < warmup; i++) {
      scenario.apply(scenario.next());
    }
    long[] latencies = new long[measured];
    long[] cpu = new long[measured];
    java.util.Map<String, long[]> slow = new java.util.TreeMap<>();
    long offersBefore = scenario.offers();
    long busy = 0;
    for (int i = 0; i < measured; i++) {
      RoutingCommand command = scenario.next();
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long start = System.nanoTime();
      Decisions decisions = scenario.engine().handle(command);
      long took = System.nanoTime() - start;
      cpu[i] = THREADS.getCurrentThreadCpuTime() - cpuStart;
      latencies[i] = took;
      if (took > 300_000) {
        long[] tally = slow.computeIfAbsent(command.getClass().getSimpleName(), k -> new long[2]);
        tally[0]++;
        tally[1] = Math.max(tally[1], took / 1000);
      }
      busy += took;
      scenario.observe(command, decisions);
    }
    Arrays.sort(latencies);
    long cpuTotal = Arrays.stream(cpu).sum();
    Arrays.sort(cpu);
    slow.forEach((k, v) -> System.out.printf(Locale.ROOT, "  over 300 µs: %-16s %6d times, max %d µs%n", k, v[0], v[1]));
    double seconds = busy / 1e9;
    return new Figures(size, scenario.waiting(), measured, micros(latencies, 0.50), micros(latencies, 0.99),
        micros(latencies, 0.999), latencies[measured - 1] / 1e3, measured / seconds,
        (scenario.offers() - offersBefore) / seconds, micros(cpu, 0.999), measured / (cpuTotal / 1e9));
  }

  private static double micros(long[] sorted, double quantile) {
    int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e3;
  }

  private static void print(List<Figures> rows) {
    System.out.println();
    System.out.printf(Locale.ROOT, "wall-clock latency of each handle() call; cpu = this thread's CPU time for it"
        + " (without preemption by other processes); load average %.1f on %d cores%n",
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), Runtime.getRuntime().availableProcessors());
    System.out.println("| agents | queues | waiting | decisions | p50 µs | p99 µs | p99.9 µs | max µs | decisions/s | offers/s | cpu p99.9 µs | cpu decisions/s |");
    System.out.println("|-------:|-------:|--------:|----------:|-------:|-------:|---------:|-------:|------------:|---------:|-------------:|----------------:|");
    for (Figures f : rows) {
      System.out.printf(Locale.ROOT, "| %6d | %6d | %7d | %9d | %6.1f | %6.1f | %8.1f | %6.0f | %11.0f | %8.0f | %12.1f | %15.0f |%n",
          f.size().agents(), f.size().queues(), f.waitingAtEnd(), f.commands(), f.p50Micros(), f.p99Micros(),
          f.p999Micros(), f.maxMicros(), f.decisionsPerSecond(), f.offersPerSecond(), f.cpuP999Micros(),
          f.cpuDecisionsPerSecond());
    }
    for (Figures f : rows) {
      System.out.printf(Locale.ROOT, "RESULT routing agents=%d queued=%d p50_us=%.1f p99_us=%.1f p999_us=%.1f decisions_per_s=%.0f%n",
          f.size().agents(), f.size().waiting(), f.p50Micros(), f.p99Micros(), f.p999Micros(), f.decisionsPerSecond());
    }
  }
}
