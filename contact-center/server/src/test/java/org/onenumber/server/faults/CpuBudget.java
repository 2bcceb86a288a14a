package org.onenumber.server.faults;

import java.time.Duration;

/**
 * What a run of {@code bin/bench webhooks} cost in CPU, by process (issue 11, session 19): the server
 * JVM, PostgreSQL (every {@code postgres} process on the machine, and apart the backends of the
 * bench's own database) and this bench JVM, each per acknowledged webhook, and from their sum the
 * ceiling the machine's cores put on the rate. CPU time, unlike the rate, holds on a loaded machine:
 * other processes' work lengthens a webhook's wait, not its CPU (PostgreSQL's shared processes, the
 * WAL writer and checkpointer, also work for other databases there: {@code pg_db_cpu_us} is the
 * bench's own backends only).
 */
final class CpuBudget {

  /** The JIT's compiler threads ("C1 CompilerThread0", "C2 CompilerThre…" as the kernel cuts them). */
  private static final java.util.regex.Pattern JIT = java.util.regex.Pattern.compile("C[N0-9]* CompilerThre.*");
  private final ServerProcess server;
  private final String database;
  private final Duration serverBefore;
  private final Duration clientBefore;
  private final ProcessCpu postgresBefore;
  private final ProcessCpu backendsBefore;
  private final java.util.Map<String, Long> threadsBefore;
  private java.util.Map<String, Long> threadsAfter = java.util.Map.of();
  private long serverNanos;
  private long clientNanos;
  private long postgresNanos;
  private long backendsNanos;

  private CpuBudget(ServerProcess server, String url) {
    this.server = server;
    this.database = url == null ? null : url.substring(url.lastIndexOf('/') + 1).replaceFirst("\\?.*", "");
    this.postgresBefore = database == null ? null : ProcessCpu.postgres();
    this.backendsBefore = database == null ? null : ProcessCpu.postgresBackendsOf(database);
    this.threadsBefore = ProcessCpu.threadsOf(server.pid());
    this.serverBefore = server.cpu();
    this.clientBefore = clientCpu();
  }

  /** Snapshots now; {@code url} is the PostgreSQL database's JDBC URL, null on H2. */
  static CpuBudget start(ServerProcess server, String url) {
    return new CpuBudget(server, url);
  }

  /** Snapshots the end of the run. */
  void stop() {
    clientNanos = clientCpu().minus(clientBefore).toNanos();
    serverNanos = server.cpu().minus(serverBefore).toNanos();
    threadsAfter = ProcessCpu.threadsOf(server.pid());
    if (database != null) {
      postgresNanos = ProcessCpu.postgres().nanosSince(postgresBefore);
      backendsNanos = ProcessCpu.postgresBackendsOf(database).nanosSince(backendsBefore);
    }
  }

  /**
   * {@code server_cpu_us pg_cpu_us pg_db_cpu_us client_cpu_us} per acknowledged webhook ({@code
   * server_jit_cpu_us}: the part of the server's spent by its JIT compiler threads, still compiling
   * after a warm-up that was too short or starved, not a webhook's own cost), and {@code
   * ceiling_per_s} (all cores' second over the sum of the three) and {@code server_ceiling_per_s} (over
   * the server's alone), each after a space.
   */
  String figures(long acknowledged) {
    double per = Math.max(1, acknowledged) * 1e3;
    double serverUs = serverNanos / per;
    double postgresUs = postgresNanos / per;
    double clientUs = clientNanos / per;
    int cores = Runtime.getRuntime().availableProcessors();
    return String.format(" server_cpu_us=%.0f server_jit_cpu_us=%.0f pg_cpu_us=%.0f pg_db_cpu_us=%.0f client_cpu_us=%.0f"
        + " cores=%d ceiling_per_s=%.0f server_ceiling_per_s=%.0f", serverUs, threadNanos(JIT) / per, postgresUs,
        backendsNanos / per, clientUs, cores, ceiling(cores, serverUs + postgresUs + clientUs), ceiling(cores, serverUs));
  }

  /**
   * The server's CPU per acknowledged webhook by thread name (digits dropped: a pool's threads together),
   * largest first, the threads that used under 1 µs left out: one line each.
   */
  String serverThreads(long acknowledged) {
    var lines = new StringBuilder(String.format("%-18s %8s%n", "server thread", "cpu_us"));
    threadsAfter.entrySet().stream()
        .map(t -> java.util.Map.entry(t.getKey(), (t.getValue() - threadsBefore.getOrDefault(t.getKey(), 0L))
            / (Math.max(1, acknowledged) * 1e3)))
        .filter(t -> t.getValue() >= 1).sorted(java.util.Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
        .forEach(t -> lines.append(String.format("%-18s %8.0f%n", t.getKey(), t.getValue())));
    return lines.toString();
  }

  /** The server's CPU nanoseconds over the run in the threads whose name (digits dropped) matches. */
  private long threadNanos(java.util.regex.Pattern name) {
    return threadsAfter.entrySet().stream().filter(t -> name.matcher(t.getKey()).matches())
        .mapToLong(t -> t.getValue() - threadsBefore.getOrDefault(t.getKey(), 0L)).sum();
  }

  /** Webhooks a second that {@code cores} can carry at {@code microseconds} of CPU each. */
  static double ceiling(int cores, double microseconds) {
    return microseconds <= 0 ? 0 : cores * 1e6 / microseconds;
  }

  private static Duration clientCpu() {
    return ProcessHandle.current().info().totalCpuDuration().orElse(Duration.ZERO);
  }
}
