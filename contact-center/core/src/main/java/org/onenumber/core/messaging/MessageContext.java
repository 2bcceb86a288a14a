package org.onenumber.core.messaging;

import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.event.DomainEvent;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.MessageOutbox;
import org.onenumber.core.port.out.MessageStore;
import org.onenumber.core.port.out.Transactions;

/**
 * The ports the messaging use cases share, bundled so that constructors stay short.
 *
 * @param transactions what the use cases may be running inside: events are published once it
 *     commits ({@link #publish}), and a text sent inside it is attempted only after it commits
 * @param senders runs the first attempt of a text sent inside a transaction, after the commit, off
 *     the committing thread (so a slow provider never holds the inbound messages behind it)
 */
public record MessageContext(
    CitizenRegistry citizens,
    ContactJournal journal,
    MessageStore store,
    MessageGateway gateway,
    EventPublisher events,
    InstantSource clock,
    RandomGenerator random,
    MessageOutbox outbox,
    RetryPolicy retry,
    Transactions transactions,
    Executor senders) {
  public MessageContext {
    InvalidInputException.require(citizens, "citizens");
    InvalidInputException.require(journal, "journal");
    InvalidInputException.require(store, "store");
    InvalidInputException.require(gateway, "gateway");
    InvalidInputException.require(events, "events");
    InvalidInputException.require(clock, "clock");
    InvalidInputException.require(random, "random");
    InvalidInputException.require(outbox, "outbox");
    InvalidInputException.require(retry, "retry");
    InvalidInputException.require(transactions, "transactions");
    InvalidInputException.require(senders, "senders");
  }

  /** Without transactions of its own: events are published and texts attempted at once. */
  public MessageContext(CitizenRegistry citizens, ContactJournal journal, MessageStore store, MessageGateway gateway,
      EventPublisher events, InstantSource clock, RandomGenerator random, MessageOutbox outbox, RetryPolicy retry) {
    this(citizens, journal, store, gateway, events, clock, random, outbox, retry, NO_TRANSACTIONS, Runnable::run);
  }

  /** Without an outbox: a send that fails retriably is {@code FAILED} at once, as before issue 11. */
  public MessageContext(CitizenRegistry citizens, ContactJournal journal, MessageStore store, MessageGateway gateway,
      EventPublisher events, InstantSource clock, RandomGenerator random) {
    this(citizens, journal, store, gateway, events, clock, random, MessageOutbox.NONE, RetryPolicy.NO_RETRY);
  }

  /** Publishes {@code event} once the calling thread's transaction commits (at once outside one). */
  void publish(DomainEvent event) {
    transactions.afterCommit(() -> events.publish(event));
  }

  OutboundDispatch dispatch() {
    return new OutboundDispatch(this, new OutboundRetries(this));
  }

  private static final Transactions NO_TRANSACTIONS = new Transactions() {
    @Override
    public <T> T inTransaction(Supplier<T> work) {
      return work.get();
    }
  };
}
