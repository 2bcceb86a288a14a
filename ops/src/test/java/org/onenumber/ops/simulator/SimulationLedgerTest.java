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

  @Test
  void aCallKeptUnderItsOwnKeyMovesToItsContactWithTheThresholdOfAnEarlierOffer() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.useThresholds(java.util.Map.of("general-ko", 20.0));
    ledger.callOpened("call:1", 10);
    ledger.callOpened("call:2", 11);
    ledger.opened("chat", 12, 15);
    ledger.offeredIn("c-1", "general-ko");
    ledger.callIsContact("call:1", "c-1");
    ledger.callIsContact("call:1", "c-1");
    ledger.answered("c-1", 28);
    assertTrue(ledger.abandoning("call:2", 60), "a caller who hangs up before any ring is still known by the call");
    assertTrue(ledger.isCall("c-1"));
    SimulationLedger.Summary calls = ledger.callSummary(15);
    assertEquals(2, calls.offered());
    assertEquals(1, calls.answered());
    assertEquals(1, calls.answeredWithin(), "18 s against the queue's 20 s, not the default 15 s");
    assertEquals(1, calls.abandoned());
    assertEquals(3, ledger.summary(15).offered(), "the chat counts in the center, not among the calls");
  }

  @Test
  void eachChannelIsSummedApartAndUnnamedTextsCountAsWaitingTexts() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.callOpened("call:1", 0);
    ledger.callIsContact("call:1", "c-1");
    ledger.answered("c-1", 12);
    ledger.opened("c-2", 5, 15, "CHAT");
    ledger.smsSent("[s1]", 7);
    assertEquals(java.util.Set.of("CHAT", "SMS", "VOICE"), ledger.channels());
    assertEquals(1, ledger.channelSummary(15, "VOICE").answered());
    assertEquals(12, ledger.channelSummary(15, "VOICE").asaSeconds(), 1e-9);
    assertEquals(1, ledger.channelSummary(15, "CHAT").waiting());
    assertEquals(1, ledger.channelSummary(15, "SMS").offered(), "sent, no offer has named it yet");
    ledger.smsOffered("[s1]", "c-3");
    assertEquals(1, ledger.channelSummary(15, "SMS").offered());
    assertEquals(3, ledger.summary(15).offered());
  }

  @Test
  void aCallerStillOnThePhoneLineKeepsTheDayOpen() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.phoning.incrementAndGet();
    assertTrue(!ledger.settled(), "in the IVR's menus, or to call again after a busy line: may still become a contact");
    ledger.phoning.decrementAndGet();
    assertTrue(ledger.settled());
  }

  @Test
  void aChatOrApiCitizenDispatchedButNotYetOpenedKeepsTheDayOpen() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.arriving.incrementAndGet();
    assertTrue(!ledger.settled(), "dispatched, its contact not yet in the ledger: the day is not over");
    ledger.opened("c-1", 10);
    ledger.arriving.decrementAndGet();
    assertTrue(!ledger.settled(), "its contact waits");
    ledger.abandoning("c-1", 20);
    assertTrue(ledger.settled());
  }

  @Test
  void aTextShedOnEveryTryIsAGiveUpNotAnErrorNorAContact() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.smsSent("[s1]", 0);
    ledger.smsGaveUp("[s1]");
    assertEquals(1, ledger.gaveUp.sum());
    assertEquals(0, ledger.errors.sum());
    assertEquals(0, ledger.summary(15).offered());
    assertTrue(ledger.settled());
  }

  @Test
  void aTextIsOpenedWhenItsWebhookWasAnsweredWhetherOrNotAnOfferNamedItFirst() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.smsSent("[s1]", 10);
    ledger.smsAcknowledged("[s1]", 12);
    ledger.smsOffered("[s1]", "c-1");
    ledger.smsSent("[s2]", 20);
    ledger.smsOffered("[s2]", "c-2");
    ledger.smsAcknowledged("[s2]", 23);
    ledger.answered("c-1", 30);
    ledger.answered("c-2", 30);
    assertEquals((18 + 7) / 2.0, ledger.channelSummary(15, "SMS").asaSeconds(), 1e-9);
  }

  @Test
  void theDaysEndSaysWhatIsStillOpenAndLeavesAnUnansweredTextWaiting() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.callOpened("call:1", 0);
    ledger.opened("c-2", 1, 15, "CHAT");
    ledger.answered("c-2", 3);
    ledger.smsSent("[s1]", 2);
    ledger.smsAcknowledged("[s1]", 2);
    ledger.phoning.incrementAndGet();
    assertEquals("CHAT: 0 waiting, 1 in conversation; VOICE: 1 waiting, 0 in conversation; 1 texts no offer named;"
        + " 1 callers still on the line (or to call again)", ledger.stillOpen());
    ledger.closeDay();
    assertTrue(ledger.dayOver.isDone(), "every citizen still waiting gives up now");
    ledger.phoning.decrementAndGet();
    ledger.abandoning("call:1", 9);
    ledger.closed("c-2", "RESOLVED");
    assertTrue(ledger.settled(), "a text cannot be taken back: it waits on both sides");
    assertEquals("", ledger.stillOpen());
    assertEquals(1, ledger.summary(15).waiting());
  }

  @Test
  void anAcceptAcknowledgedBeforeTheCitizensSideHadTheContactStillCountsAsAnswered() {
    SimulationLedger ledger = new SimulationLedger();
    ledger.answered("c-1", 12);
    ledger.closed("c-1", "RESOLVED");
    ledger.opened("c-1", 10, 15, "CHAT");
    SimulationLedger.Summary chat = ledger.channelSummary(15, "CHAT");
    assertEquals(1, chat.answered(), "the chat's ack came after the operator's accept reply");
    assertEquals(2, chat.asaSeconds(), 1e-9);
    assertEquals(0, chat.waiting());
    assertTrue(ledger.settled());
  }
}
