package org.onenumber.server.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * CPU time of other processes on this Linux machine, from {@code /proc/PID/stat} (user and system
 * time in clock ticks, 100 a second): a snapshot of every process whose command line matches, so
 * that the CPU a run cost PostgreSQL can be read beside the server's and the bench's own (issue 11,
 * session 19). A process that appears between two snapshots counts from zero; one that ends between
 * them is lost (PostgreSQL's pooled backends live through a run; autovacuum workers may not).
 */
final class ProcessCpu {

  private static final double TICK_NANOS = 1e9 / 100;

  /** CPU nanoseconds by process id. */
  private final Map<Long, Long> byPid;

  private ProcessCpu(Map<Long, Long> byPid) {
    this.byPid = byPid;
  }

  /** Every process whose command line ({@code /proc/PID/cmdline}, NULs as spaces) matches. */
  static ProcessCpu of(Predicate<String> commandLine) {
    Map<Long, Long> byPid = new HashMap<>();
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        try {
          String command = Files.readString(p.resolve("cmdline")).replace('\0', ' ');
          if (commandLine.test(command)) {
            byPid.put(Long.parseLong(p.getFileName().toString()), cpuNanos(Files.readString(p.resolve("stat"))));
          }
        } catch (IOException | RuntimeException gone) {
          // the process ended while being read: it is not in this snapshot
        }
      });
    } catch (IOException e) {
      return new ProcessCpu(Map.of()); // not Linux: no figures
    }
    return new ProcessCpu(byPid);
  }

  /** PostgreSQL's processes: the postmaster, its auxiliary processes and every backend. */
  static ProcessCpu postgres() {
    return of(command -> command.startsWith("postgres:") || command.contains("/bin/postgres "));
  }

  /** The backends connected to {@code database} (their title names it). */
  static ProcessCpu postgresBackendsOf(String database) {
    return of(command -> command.startsWith("postgres:") && command.contains(" " + database + " "));
  }

  /**
   * The threads of process {@code pid} ({@code /proc/PID/task}), CPU nanoseconds by thread name (the
   * kernel's, at most 15 characters) with its digits dropped, so that a pool's threads add up.
   */
  static Map<String, Long> threadsOf(long pid) {
    Map<String, Long> byName = new HashMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      tasks.forEach(task -> {
        try {
          String stat = Files.readString(task.resolve("stat"));
          String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')')).replaceAll("[0-9]+", "N");
          byName.merge(name, cpuNanos(stat), Long::sum);
        } catch (IOException | RuntimeException gone) {
          // the thread ended while being read
        }
      });
    } catch (IOException e) {
      return Map.of();
    }
    return byName;
  }

  /** CPU nanoseconds used from {@code before} to this snapshot by the processes in this one. */
  long nanosSince(ProcessCpu before) {
    long sum = 0;
    for (var process : byPid.entrySet()) {
      sum += process.getValue() - before.byPid.getOrDefault(process.getKey(), 0L);
    }
    return sum;
  }

  /** utime + stime of a {@code /proc/PID/stat} line in nanoseconds; the name in parentheses may hold spaces. */
  static long cpuNanos(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // after the name: state(0) ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime(11) stime(12)
    return Math.round((Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * TICK_NANOS);
  }
}
