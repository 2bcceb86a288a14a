package org.onenumber.core.port.out;

import java.time.Instant;
import java.util.List;
import org.onenumber.core.messaging.MessageId;

/**
 * The durable list of outbound messages not yet handed to their provider: one entry per message,
 * with the attempts made, when the next may start, the last error, and when it was given up
 * (dead-lettered). Writes are durable when they return. {@link #NONE} keeps nothing (no retries).
 */
public interface MessageOutbox {

  /** One message's place in the outbox. {@code deadLetteredAt} is null while it is still tried. */
  record Entry(MessageId message, int attempts, Instant nextAttemptAt, String lastError, Instant deadLetteredAt) {
    public Entry {
      if (message == null || nextAttemptAt == null || attempts < 0) {
        throw new IllegalArgumentException("an outbox entry needs a message, a time and attempts >= 0");
      }
    }
  }

  /** Inserts the entry, or replaces the one for the same message. */
  void save(Entry entry);

  /** Forgets the message: it reached the provider, or failed for good. */
  void remove(MessageId message);

  /** Entries not dead-lettered whose next attempt is due at {@code now}, earliest first. */
  List<Entry> due(Instant now, int limit);

  /** Dead-lettered entries, the latest first. */
  List<Entry> deadLetters(int limit);

  /** An outbox that keeps nothing: a retriable failure is then final at once. */
  MessageOutbox NONE = new MessageOutbox() {
    @Override
    public void save(Entry entry) {
    }

    @Override
    public void remove(MessageId message) {
    }

    @Override
    public List<Entry> due(Instant now, int limit) {
      return List.of();
    }

    @Override
    public List<Entry> deadLetters(int limit) {
      return List.of();
    }
  };
}
