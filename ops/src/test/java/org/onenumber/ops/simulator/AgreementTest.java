package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgreementTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Two calls (one answered after 12 s, one abandoned) and a chat answered after 4 s. */
  private static SimulationLedger ledger() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.callOpened("call:1", 0);
    ledger.callIsContact("call:1", "c-1");
    ledger.answered("c-1", 12);
    ledger.callOpened("call:2", 3);
    ledger.callIsContact("call:2", "c-2");
    ledger.abandoning("c-2", 40);
    ledger.opened("c-3", 10, 15, "CHAT");
    ledger.answered("c-3", 14);
    return ledger;
  }

  private static Map<String, JsonNode> server(String center, String voice, String chat) throws Exception {
    Map<String, JsonNode> server = new HashMap<>();
    server.put("center", JSON.readTree(center));
    server.put("VOICE", JSON.readTree(voice));
    if (chat != null) {
      server.put("CHAT", JSON.readTree(chat));
    }
    return server;
  }

  @Test
  void equalCountsAndAsaWithinOneSecondAgreeForTheCenterAndEachChannel() throws Exception {
    List<Agreement.Row> rows = Agreement.rows(ledger(), server(
        "{\"offered\":3,\"answered\":2,\"abandoned\":1,\"asaSeconds\":8.6}",
        "{\"offered\":2,\"answered\":1,\"abandoned\":1,\"asaSeconds\":12.9}",
        "{\"offered\":1,\"answered\":1,\"abandoned\":0,\"asaSeconds\":4.0}"), true);
    assertEquals(List.of("center", "CHAT", "VOICE"), rows.stream().map(Agreement.Row::scope).toList());
    assertTrue(Agreement.agree(rows), rows.toString());
  }

  @Test
  void oneContactOffOrAnAsaMoreThanASecondApartOrAChannelTheServerLacksDisagrees() throws Exception {
    List<Agreement.Row> rows = Agreement.rows(ledger(), server(
        "{\"offered\":3,\"answered\":2,\"abandoned\":2,\"asaSeconds\":8.0}",
        "{\"offered\":2,\"answered\":1,\"abandoned\":1,\"asaSeconds\":13.5}", null), true);
    assertFalse(Agreement.agree(rows));
    assertEquals(List.of("abandoned 1 / 2"), rows.get(0).differences());
    assertEquals(List.of("no server figures"), rows.get(1).differences(), "CHAT");
    assertEquals(List.of("ASA 12.00 / 13.50 s"), rows.get(2).differences(), "VOICE");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Agreement.print(new PrintStream(out, true, StandardCharsets.UTF_8), rows, true, 400);
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("DIFFERS: abandoned 1 / 2"), out.toString());
    // VOICE: 1.5 trace s of ASA apart at 400× are 3.75 ms of wall time
    assertTrue(out.toString(StandardCharsets.UTF_8).contains("  -1.50 s =    -3.75 ms"), out.toString());
    assertFalse(Agreement.countsAgree(rows));
    assertTrue(rows.get(2).countsAgree(), "VOICE: only its ASA differs");
  }

  @Test
  void asaIsNotComparedWhenTheServerTimedWaitsOnAnotherClock() throws Exception {
    List<Agreement.Row> rows = Agreement.rows(ledger(), server(
        "{\"offered\":3,\"answered\":2,\"abandoned\":1,\"asaSeconds\":0.1}",
        "{\"offered\":2,\"answered\":1,\"abandoned\":1,\"asaSeconds\":0.1}",
        "{\"offered\":1,\"answered\":1,\"abandoned\":0,\"asaSeconds\":0.1}"), false);
    assertTrue(Agreement.agree(rows), rows.toString());
  }

  @Test
  void theDayReportsChannelTotalsAreReadByChannel() throws Exception {
    JsonNode intervals = JSON.readTree("{\"rows\":[{\"scope\":\"center\",\"id\":\"center\",\"interval\":\"total\","
        + "\"offered\":3},{\"scope\":\"channel\",\"id\":\"VOICE\",\"interval\":\"2026-04-14T15:00:00Z\","
        + "\"offered\":1},{\"scope\":\"channel\",\"id\":\"VOICE\",\"interval\":\"total\",\"offered\":2}]}");
    Map<String, JsonNode> totals = SimulateMain.dayTotals(intervals);
    assertEquals(3, totals.get("center").path("offered").asInt());
    assertEquals(2, totals.get("VOICE").path("offered").asInt());
  }
}
