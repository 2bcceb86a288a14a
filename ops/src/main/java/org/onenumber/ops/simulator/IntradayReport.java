package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The intraday table of a replayed day: per 15 minutes, offered, SL15, ASA and abandonment as the
 * simulated citizens saw them next to the server's own report ({@code GET
 * /api/v1/reports/intervals?minutes=15}, center rows), lined up by the server's clock at the
 * trace's start. Stateless; {@link IntradayCharts} draws the same rows.
 */
final class IntradayReport {

  static final ZoneId CITY_ZONE = ZoneId.of("Asia/Seoul");
  private static final int MINUTES = 15;

  private IntradayReport() {}

  /**
   * One quarter hour with arrivals: the simulator's figures and the server's (NaN where the server
   * has no row or no value). Shares are percentages, ASA in trace seconds.
   */
  record Row(LocalTime at, double offeredSim, double offeredServer, double slSim, double slServer, double asaSim,
      double asaServer, double abandonSim, double abandonServer) {}

  /** The quarter hours with arrivals, in order; without the server's time, the simulator's only. */
  static List<Row> rows(SimulationLedger ledger, Instant serverStart, JsonNode serverRows) {
    ZonedDateTime start = serverStart == null ? null : serverStart.atZone(CITY_ZONE);
    double offset = start == null ? 0 : start.toLocalTime().toSecondOfDay() + start.getNano() / 1e9;
    Map<LocalTime, JsonNode> server = new HashMap<>();
    if (serverRows != null) {
      serverRows.path("rows").forEach(r -> {
        if ("center".equals(r.path("scope").asText()) && !"total".equals(r.path("interval").asText())) {
          server.put(Instant.parse(r.path("interval").asText()).atZone(CITY_ZONE).toLocalTime(), r);
        }
      });
    }
    List<Row> rows = new ArrayList<>();
    ledger.intervals(15, MINUTES, offset).forEach((k, s) -> {
      LocalTime at = LocalTime.ofSecondOfDay((long) k * MINUTES * 60 % 86_400);
      JsonNode r = server.get(at);
      rows.add(new Row(at, s.offered(), number(r, "offered", 1), 100 * s.serviceLevel(),
          number(r, "serviceLevel", 100), s.asaSeconds(), number(r, "asaSeconds", 1), 100 * s.abandonRate(),
          number(r, "abandonRate", 100)));
    });
    return rows;
  }

  /** Prints one line per interval with arrivals. */
  static void print(PrintStream out, List<Row> rows) {
    out.println("interval  offered sim/server   SL15 % sim/server   ASA s sim/server   abandon % sim/server");
    for (Row r : rows) {
      out.printf(Locale.ROOT, "%-8s %8.0f / %-8s %8.1f / %-8s %7.1f / %-8s %7.1f / %s%n", r.at(), r.offeredSim(),
          fmt(r.offeredServer(), "%.0f"), r.slSim(), fmt(r.slServer(), "%.1f"), r.asaSim(),
          fmt(r.asaServer(), "%.1f"), r.abandonSim(), fmt(r.abandonServer(), "%.1f"));
    }
  }

  static void print(PrintStream out, SimulationLedger ledger, Instant serverStart, JsonNode serverRows) {
    print(out, rows(ledger, serverStart, serverRows));
  }

  private static double number(JsonNode row, String field, double scale) {
    return row == null ? Double.NaN : scale * row.path(field).asDouble(Double.NaN);
  }

  private static String fmt(double v, String format) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, format, v);
  }
}
