package org.onenumber.knowledge.bench;

import java.util.ArrayList;
import java.util.List;

/** A two-column text table for the benchmark's human-readable output. Not thread-safe. */
final class Table {

  private final List<String[]> rows = new ArrayList<>();

  void row(String what, String value) {
    rows.add(new String[] {what, value});
  }

  void latency(String what, Latencies l) {
    row(what, String.format(java.util.Locale.ROOT, "n=%d p50 %d us, p90 %d us, p99 %d us, max %d us", l.count(),
        l.percentileMicros(50), l.percentileMicros(90), l.percentileMicros(99), l.percentileMicros(100)));
  }

  void print() {
    int width = rows.stream().mapToInt(r -> r[0].length()).max().orElse(10);
    String line = "-".repeat(width + 60);
    System.out.println(line);
    for (String[] r : rows) {
      System.out.printf("%-" + width + "s | %s%n", r[0], r[1]);
    }
    System.out.println(line);
  }
}
