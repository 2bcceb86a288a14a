package org.onenumber.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.testkit.FakeContactJournal;

/** Fails the test when an event is published inside the transaction or before it was journaled. */
final class OrderCheckingPublisher implements EventPublisher {

  private final TrackingTransactions transactions;
  private final FakeContactJournal journal;
  int published;

  OrderCheckingPublisher(TrackingTransactions transactions, FakeContactJournal journal) {
    this.transactions = transactions;
    this.journal = journal;
  }

  @Override
  public void publish(DomainEvent event) {
    assertFalse(transactions.inside, "published inside the transaction: " + event);
    assertTrue(journal.events().contains(event), "published before journaling: " + event);
    assertEquals(journal.events().get(published), event, "published out of journal order");
    published++;
  }
}
