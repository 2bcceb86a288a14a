package org.onenumber.core.knowledge;

import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.AnswerIndex;
import org.onenumber.core.port.out.AnswerStore;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.Transactions;

/** What the answer use cases work with: the store, the index, events, transactions, time and randomness. */
public record AnswerPorts(
    AnswerStore store,
    AnswerIndex index,
    EventPublisher events,
    Transactions transactions,
    InstantSource clock,
    RandomGenerator random) {

  public AnswerPorts {
    InvalidInputException.require(store, "store");
    InvalidInputException.require(index, "index");
    InvalidInputException.require(events, "events");
    InvalidInputException.require(transactions, "transactions");
    InvalidInputException.require(clock, "clock");
    InvalidInputException.require(random, "random");
  }
}
