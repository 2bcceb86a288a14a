package org.onenumber.ops.simulator;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;

/**
 * What running the simulation cost the simulator's own process, printed as one {@code [sim-cost]}
 * line at its end (and carried into {@code RESULT simulation}, then {@code RESULT city-day}): its
 * CPU seconds since {@link #SimulatorCost() start}, its most threads at once (the JVM's own peak,
 * {@link ThreadMXBean}: no citizen runs on a thread of its own since session 17, when the callers'
 * virtual threads, the last ones counted here, became continuations) and the system's load average
 * at the start and the end. Thread-safe.
 */
final class SimulatorCost {

  private final long cpuNanosAtStart = cpuNanos();
  private final long wallNanosAtStart = System.nanoTime();
  private final double loadAtStart = load();

  SimulatorCost() {
    ManagementFactory.getThreadMXBean().resetPeakThreadCount();
  }

  /** Most platform threads at once since the start. */
  static long platformThreadsMax() {
    return ManagementFactory.getThreadMXBean().getPeakThreadCount();
  }

  /** CPU seconds of the whole process since the start. */
  double cpuSeconds() {
    return (cpuNanos() - cpuNanosAtStart) / 1e9;
  }

  /**
   * {@code [sim-cost] cpu_s=… cpu_ms_per_contact=… wall_s=… threads_max=… arrivals=… dispatched=…
   * opened=… sim_timeouts=… sim_timeouts_by_channel=… load=a→b} (by channel e.g. {@code
   * CHAT:3,WEB_FORM:12}, or {@code none}).
   */
  String line(long arrivals, long dispatched, SimulationLedger ledger) {
    long opened = ledger.summary(15).offered();
    double cpu = cpuSeconds();
    return String.format(Locale.ROOT, "[sim-cost] cpu_s=%.1f cpu_ms_per_contact=%.2f wall_s=%.1f threads_max=%d"
        + " arrivals=%d dispatched=%d opened=%d sim_timeouts=%d sim_timeouts_by_channel=%s load=%.1f→%.1f", cpu,
        dispatched == 0 ? 0 : cpu * 1000 / dispatched, (System.nanoTime() - wallNanosAtStart) / 1e9,
        platformThreadsMax(), arrivals, dispatched, opened, ledger.timeouts(), ledger.timeoutsByChannel(),
        loadAtStart, load());
  }

  private static long cpuNanos() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
