package org.onenumber.ops.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The ledger hammered from many threads at once, each contact's events in every order (an
 * operator's accept and close before or after the citizen's side opened it, a text's offer before
 * or after its webhook's answer, an abandon racing the accept), keeps exact counts: nothing lost,
 * nothing counted twice, every text opened at its acknowledgement. Without one lock for all
 * ({@link SimulationLedger}: per-contact atomic updates).
 */
class SimulationLedgerRacesTest {

  private static final int CONTACTS = 20_000;
  private static final int TEXTS = 20_000;

  @Test
  void everyOrderOfEveryContactsEventsFromEightThreadsKeepsExactCounts() throws Exception {
    SimulationLedger ledger = new SimulationLedger();
    List<Runnable> events = new ArrayList<>();
    for (int i = 0; i < CONTACTS; i++) {
      String closedId = "c" + i;
      events.add(() -> ledger.opened(closedId, 1, 15, "CHAT"));
      events.add(() -> ledger.answered(closedId, 2));
      events.add(() -> ledger.closed(closedId, "RESOLVED"));
      String raced = "r" + i;
      events.add(() -> ledger.opened(raced, 1, 15, "WEB_FORM"));
      events.add(() -> ledger.abandoning(raced, 3)); // void whether before or after the accept
      events.add(() -> ledger.answered(raced, 2));
      events.add(() -> ledger.offeredIn(raced, "q"));
    }
    for (int i = 0; i < TEXTS; i++) {
      String tag = SmsCitizen.tag(i);
      ledger.smsSent(tag, 0);
      String contactId = "s" + i;
      events.add(() -> ledger.smsOffered(tag, contactId));
      events.add(() -> ledger.smsAcknowledged(tag, 5));
    }
    Collections.shuffle(events, new Random(15));
    try (ExecutorService threads = Executors.newFixedThreadPool(8)) {
      events.forEach(threads::execute);
      threads.shutdown();
      assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS));
    }
    SimulationLedger.Summary all = ledger.summary(15);
    assertEquals(2L * CONTACTS + TEXTS, all.offered(), "every contact and text once");
    assertEquals(2L * CONTACTS, all.answered(), "every accept counted, also one before the contact was opened");
    assertEquals(0, all.abandoned(), "an abandon the accept came before or after is void");
    assertEquals(CONTACTS, all.closed());
    assertEquals(TEXTS, ledger.channelSummary(15, "SMS").waiting(), "every text named by its offer, waiting");
    assertTrue(ledger.entries.entrySet().stream().filter(e -> e.getKey().startsWith("s"))
        .allMatch(e -> e.getValue().openedAt == 5), "every text opened when its webhook was answered");
    assertEquals("SMS: " + TEXTS + " waiting, 0 in conversation; WEB_FORM: 0 waiting, " + CONTACTS
        + " in conversation", ledger.stillOpen());
  }
}
