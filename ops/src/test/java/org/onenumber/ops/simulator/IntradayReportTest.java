package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class IntradayReportTest {

  @Test
  void linesTheSimulatorsQuarterHoursUpWithTheServersByTheServersClock() throws Exception {
    SimulationLedger ledger = new SimulationLedger();
    ledger.opened("a", 10, 15);
    ledger.answered("a", 20);
    ledger.opened("b", 950, 15);
    // the trace started at 09:00 city time (00:00 UTC); the server reports 09:00 and 09:15
    var rows = new ObjectMapper().readTree("""
        {"rows":[
          {"interval":"2026-04-15T00:00:00Z","scope":"center","offered":1,"serviceLevel":1.0,"asaSeconds":10.0,"abandonRate":0.0},
          {"interval":"2026-04-15T00:15:00Z","scope":"center","offered":1,"serviceLevel":0.0,"asaSeconds":null,"abandonRate":0.0},
          {"interval":"total","scope":"center","offered":2}]}""");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    IntradayReport.print(new PrintStream(out, true, StandardCharsets.UTF_8), ledger,
        Instant.parse("2026-04-15T00:00:00Z"), rows);
    String table = out.toString(StandardCharsets.UTF_8);
    assertTrue(table.matches("(?s).*09:00 +1 / 1 +100\\.0 / 100\\.0 +10\\.0 / 10\\.0.*"), table);
    assertTrue(table.matches("(?s).*09:15 +1 / 1 .*"), table);
  }
}
