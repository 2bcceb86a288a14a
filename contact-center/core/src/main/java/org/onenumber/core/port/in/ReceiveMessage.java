package org.onenumber.core.port.in;

import org.onenumber.core.contact.Contact;
import org.onenumber.core.messaging.Keyword;
import org.onenumber.core.messaging.Message;

/** A citizen wrote on a text channel: keep the message durably in the right conversation. */
public interface ReceiveMessage {

  /** Returns once the message is durable. */
  Outcome receive(ReceiveMessageCommand command);

  /** What became of an inbound message. */
  sealed interface Outcome {
    Message message();
  }

  /**
   * The citizen had no open conversation on this channel: a new contact was opened and queued.
   * {@code newCitizen}: nobody had the sender's identity, so the contact's citizen was registered in
   * the same transaction and has no history (no case, no earlier contact) to look at.
   */
  record Opened(Message message, Contact contact, boolean newCitizen) implements Outcome {

    public Opened(Message message, Contact contact) {
      this(message, contact, false);
    }
  }

  /** The message joined the citizen's open conversation on this channel. */
  record Threaded(Message message, Contact contact) implements Outcome {}

  /** The channel delivered this message before (same provider id): nothing was stored. */
  record Duplicate(Message message) implements Outcome {}

  /** A carrier keyword: consent updated, automatic {@code reply} sent (null if it could not be). */
  record KeywordHandled(Message message, Keyword keyword, Message reply) implements Outcome {}
}
