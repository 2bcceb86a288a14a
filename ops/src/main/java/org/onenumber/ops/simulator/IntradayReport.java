package org.onenumber.ops.simulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;

/**
 * The intraday table of a replayed day: per 15 minutes, offered, SL15, ASA and abandonment as the
 * simulated citizens saw them next to the server's own report ({@code GET
 * /api/v1/reports/intervals?minutes=15}, center rows), lined up by the server's clock at the
 * trace's start. Stateless.
 */
final class IntradayReport {

  static final ZoneId CITY_ZONE = ZoneId.of("Asia/Seoul");
  private static final int MINUTES = 15;

  private IntradayReport() {}

  /** Prints one line per interval with arrivals; without the server's time, the simulator's only. */
  static void print(PrintStream out, SimulationLedger ledger, Instant serverStart, JsonNode serverRows) {
    ZonedDateTime start = serverStart == null ? null : serverStart.atZone(CITY_ZONE);
    double offset = start == null ? 0 : start.toLocalTime().toSecondOfDay() + start.getNano() / 1e9;
    Map<String, JsonNode> server = new HashMap<>();
    if (serverRows != null) {
      serverRows.path("rows").forEach(r -> {
        if ("center".equals(r.path("scope").asText()) && !"total".equals(r.path("interval").asText())) {
          LocalTime t = Instant.parse(r.path("interval").asText()).atZone(CITY_ZONE).toLocalTime();
          server.put(t.toString(), r);
        }
      });
    }
    out.println("interval  offered sim/server   SL15 % sim/server   ASA s sim/server   abandon % sim/server");
    SortedMap<Integer, SimulationLedger.Summary> rows = ledger.intervals(15, MINUTES, offset);
    rows.forEach((k, s) -> {
      String at = LocalTime.ofSecondOfDay((long) k * MINUTES * 60 % 86_400).toString();
      JsonNode r = server.get(at);
      out.printf(Locale.ROOT, "%-8s %8d / %-8s %8.1f / %-8s %7.1f / %-8s %7.1f / %s%n", at, s.offered(),
          r == null ? "-" : r.path("offered").asText(), 100 * s.serviceLevel(), pct(r, "serviceLevel"),
          s.asaSeconds(), r == null ? "-" : fmt(r.path("asaSeconds").asDouble(Double.NaN)),
          100 * s.abandonRate(), pct(r, "abandonRate"));
    });
  }

  private static String pct(JsonNode row, String field) {
    return row == null ? "-" : fmt(100 * row.path(field).asDouble(Double.NaN));
  }

  private static String fmt(double v) {
    return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
  }
}
