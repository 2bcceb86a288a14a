package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SimulationLedgerTest {

  @Test
  void aHangUpTheServerAnswersAsConnectedCountsAsAnsweredNotAbandoned() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.opened("c", 0, 15);
    assertTrue(ledger.abandoning("c", 30), "the citizen's patience ran out before the accept's reply came");
    ledger.hungUpAfterAnswerReported("c");
    ledger.answered("c", 29);
    SimulationLedger.Summary s = ledger.summary(15);
    assertEquals(1, s.answered());
    assertEquals(0, s.abandoned());
    assertEquals(29, s.asaSeconds(), 1e-9);
    assertTrue(ledger.citizenLeft("c"));
    assertTrue(ledger.settled(), "the operator's wrap-up will find the call gone: nothing more to wait for");
  }

  @Test
  void aHangUpTheServerTookIsAnAbandon() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.opened("c", 0, 15);
    assertTrue(ledger.abandoning("c", 30));
    SimulationLedger.Summary s = ledger.summary(15);
    assertEquals(1, s.abandoned());
    assertEquals(0, s.answered());
    assertTrue(ledger.settled());
  }
}
