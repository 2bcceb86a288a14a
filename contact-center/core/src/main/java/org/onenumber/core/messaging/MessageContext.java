package org.onenumber.core.messaging;

import java.time.InstantSource;
import java.util.random.RandomGenerator;
import org.onenumber.core.error.InvalidInputException;
import org.onenumber.core.port.out.CitizenRegistry;
import org.onenumber.core.port.out.ContactJournal;
import org.onenumber.core.port.out.EventPublisher;
import org.onenumber.core.port.out.MessageGateway;
import org.onenumber.core.port.out.MessageOutbox;
import org.onenumber.core.port.out.MessageStore;

/** The ports the messaging use cases share, bundled so that constructors stay short. */
public record MessageContext(
    CitizenRegistry citizens,
    ContactJournal journal,
    MessageStore store,
    MessageGateway gateway,
    EventPublisher events,
    InstantSource clock,
    RandomGenerator random,
    MessageOutbox outbox,
    RetryPolicy retry) {
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
  }

  /** Without an outbox: a send that fails retriably is {@code FAILED} at once, as before issue 11. */
  public MessageContext(CitizenRegistry citizens, ContactJournal journal, MessageStore store, MessageGateway gateway,
      EventPublisher events, InstantSource clock, RandomGenerator random) {
    this(citizens, journal, store, gateway, events, clock, random, MessageOutbox.NONE, RetryPolicy.NO_RETRY);
  }

  OutboundDispatch dispatch() {
    return new OutboundDispatch(store, new OutboundRetries(this), events, clock, random);
  }
}
