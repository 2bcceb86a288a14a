package org.onenumber.telephony.asterisk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * What Linux's scheduler did for a process's threads ({@code /proc/PID/task/TID/schedstat}: time on
 * a CPU, time waiting in the run queue, and times put on a CPU), summed over the threads alive now.
 * The FastAGI bench takes it before and after a round in both JVMs: CPU time per command is a figure
 * the other processes of a shared machine do not change much, and the run-queue wait per command
 * shows how much of a round trip was spent runnable but not running (the tail on a loaded machine).
 * Zeros where the kernel does not tell ({@link #available} false).
 *
 * @param cpuNanos time on a CPU
 * @param waitNanos time runnable in the run queue, not running
 * @param slices times a thread was put on a CPU (about one per wake-up)
 */
record ThreadSchedule(long cpuNanos, long waitNanos, long slices, boolean available) {

  /** This JVM's process id. */
  static long self() {
    return ProcessHandle.current().pid();
  }

  /** The sums over the threads of process {@code pid} now. */
  static ThreadSchedule of(long pid) {
    long cpu = 0;
    long wait = 0;
    long slices = 0;
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        String[] fields;
        try {
          fields = Files.readString(task.resolve("schedstat")).trim().split(" ");
        } catch (IOException ended) {
          continue; // the thread ended meanwhile
        }
        cpu += Long.parseLong(fields[0]);
        wait += Long.parseLong(fields[1]);
        slices += Long.parseLong(fields[2]);
      }
    } catch (IOException | RuntimeException notLinux) {
      return new ThreadSchedule(0, 0, 0, false);
    }
    return new ThreadSchedule(cpu, wait, slices, true);
  }

  /**
   * CPU nanoseconds by kind of thread of process {@code pid} now (its name from {@code comm}, digits
   * dropped: "fastagi-caller-", "C2 CompilerThre", "onenumber-agi-"), to tell whose CPU a round used.
   */
  static java.util.Map<String, Long> cpuByThreadKind(long pid) {
    java.util.Map<String, Long> kinds = new java.util.TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String kind = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "#");
          long cpu = Long.parseLong(Files.readString(task.resolve("schedstat")).trim().split(" ")[0]);
          kinds.merge(kind, cpu, Long::sum);
        } catch (IOException ended) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException notLinux) {
      return kinds;
    }
    return kinds;
  }

  /** What happened since {@code before} (threads that ended meanwhile are not counted). */
  ThreadSchedule since(ThreadSchedule before) {
    return new ThreadSchedule(cpuNanos - before.cpuNanos, waitNanos - before.waitNanos, slices - before.slices,
        available && before.available);
  }

  /** {@code cpu_us wait_us slices} per one of {@code commands}, for a report line. */
  String perCommand(long commands) {
    double n = Math.max(1, commands);
    return String.format(java.util.Locale.ROOT, "CPU %.1f us, run-queue wait %.1f us, on-CPU %.2f times",
        cpuNanos / 1e3 / n, waitNanos / 1e3 / n, slices / n);
  }
}
