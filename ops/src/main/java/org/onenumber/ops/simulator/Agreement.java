package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The simulator against the server, for the whole center and per channel (issue #17's goal):
 * offered, answered and abandoned must be equal, and ASA within {@value #ASA_BOUND_S} s when both
 * time waits on the same (trace) clock, i.e. when the run was lined up with a server day; anything
 * else, or figures the server did not give, is a disagreement. Stateless.
 */
final class Agreement {

  static final double ASA_BOUND_S = 1.0;
  static final String CENTER = "center";

  private Agreement() {}

  /** One scope ({@code center} or a channel): both sides' figures and what differs (empty: agrees). */
  record Row(String scope, SimulationLedger.Summary simulator, JsonNode server, List<String> differences) {
    boolean agrees() {
      return differences.isEmpty();
    }

    /** Whether offered, answered and abandoned are equal (ASA aside). */
    boolean countsAgree() {
      return differences.stream().noneMatch(d -> d.startsWith("offered") || d.startsWith("answered")
          || d.startsWith("abandoned") || d.startsWith("no server"));
    }

    /** The simulator's ASA minus the server's, in trace seconds; NaN when either has none. */
    double asaGapSeconds() {
      return simulator.asaSeconds() - (server == null ? Double.NaN : server.path("asaSeconds").asDouble(Double.NaN));
    }
  }

  /**
   * The center and every channel either side saw; {@code server} maps {@code center} and channel
   * names to the server's figures ({@code offered}, {@code answered}, {@code abandoned}, {@code
   * asaSeconds}); ASA is compared when {@code compareAsa}.
   */
  static List<Row> rows(SimulationLedger ledger, Map<String, JsonNode> server, boolean compareAsa) {
    SortedSet<String> channels = new TreeSet<>(ledger.channels());
    server.keySet().stream().filter(k -> !CENTER.equals(k) && server.get(k) != null
        && server.get(k).path("offered").asLong(0) > 0).forEach(channels::add);
    List<Row> rows = new ArrayList<>();
    rows.add(row(CENTER, ledger.summary(15), server.get(CENTER), compareAsa));
    for (String channel : channels) {
      rows.add(row(channel, ledger.channelSummary(15, channel), server.get(channel), compareAsa));
    }
    return rows;
  }

  static boolean agree(List<Row> rows) {
    return rows.stream().allMatch(Row::agrees);
  }

  /** Whether every row's counts agree ({@link Row#countsAgree}). */
  static boolean countsAgree(List<Row> rows) {
    return rows.stream().allMatch(Row::countsAgree);
  }

  private static Row row(String scope, SimulationLedger.Summary sim, JsonNode server, boolean compareAsa) {
    List<String> differences = new ArrayList<>();
    if (server == null || server.isMissingNode() || server.isNull()) {
      if (sim.offered() > 0) {
        differences.add("no server figures");
      }
      return new Row(scope, sim, null, differences);
    }
    count(differences, "offered", sim.offered(), server);
    count(differences, "answered", sim.answered(), server);
    count(differences, "abandoned", sim.abandoned(), server);
    double asa = server.path("asaSeconds").asDouble(Double.NaN);
    if (compareAsa && !(Double.isNaN(asa) && Double.isNaN(sim.asaSeconds()))
        && !(Math.abs(asa - sim.asaSeconds()) <= ASA_BOUND_S)) {
      differences.add(String.format(Locale.ROOT, "ASA %.2f / %.2f s", sim.asaSeconds(), asa));
    }
    return new Row(scope, sim, server, differences);
  }

  private static void count(List<String> differences, String figure, long sim, JsonNode server) {
    long theirs = server.path(figure).asLong(-1);
    if (theirs != sim) {
      differences.add(figure + " " + sim + " / " + theirs);
    }
  }

  /**
   * The table: per scope both sides' counts and ASA, the ASA gap (simulator minus server) in trace
   * seconds and in wall milliseconds at {@code speedup}, and {@code agrees} or what differs.
   */
  static void print(PrintStream out, List<Row> rows, boolean comparedAsa, double speedup) {
    out.println("agreement (simulator / server)  offered          answered         abandoned        ASA s"
        + (comparedAsa ? " (≤ " + ASA_BOUND_S + " s apart)" : " (not compared: not lined up with a server day)")
        + "  gap: trace s = wall ms");
    for (Row r : rows) {
      JsonNode s = r.server();
      double gap = r.asaGapSeconds();
      out.printf(Locale.ROOT, "%-31s %-16s %-16s %-16s %-16s %+7.2f s = %+8.2f ms  %s%n", r.scope(),
          pair(r.simulator().offered(), s, "offered"), pair(r.simulator().answered(), s, "answered"),
          pair(r.simulator().abandoned(), s, "abandoned"),
          String.format(Locale.ROOT, "%.2f / %s", r.simulator().asaSeconds(), s == null ? "-"
              : String.format(Locale.ROOT, "%.2f", s.path("asaSeconds").asDouble(Double.NaN))),
          gap, gap * 1000 / speedup, r.agrees() ? "agrees" : "DIFFERS: " + String.join(", ", r.differences()));
    }
  }

  private static String pair(long sim, JsonNode server, String figure) {
    return sim + " / " + (server == null ? "-" : server.path(figure).asText("-"));
  }
}
