package org.onenumber.testkit;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.messaging.MessageId;
import org.onenumber.core.port.out.MessageOutbox;

/** An in-memory {@link MessageOutbox}. Thread-safe. */
public final class FakeMessageOutbox implements MessageOutbox {

  private final Map<MessageId, Entry> entries = new LinkedHashMap<>();

  @Override
  public synchronized void save(Entry entry) {
    entries.put(entry.message(), entry);
  }

  @Override
  public synchronized void remove(MessageId message) {
    entries.remove(message);
  }

  @Override
  public synchronized List<Entry> due(Instant now, int limit) {
    return entries.values().stream().filter(e -> e.deadLetteredAt() == null && !e.nextAttemptAt().isAfter(now))
        .sorted(Comparator.comparing(Entry::nextAttemptAt)).limit(limit).toList();
  }

  @Override
  public synchronized List<Entry> deadLetters(int limit) {
    return entries.values().stream().filter(e -> e.deadLetteredAt() != null)
        .sorted(Comparator.comparing(Entry::deadLetteredAt).reversed()).limit(limit).toList();
  }

  /** The entry of one message, if it has one. */
  public synchronized Optional<Entry> entry(MessageId message) {
    return Optional.ofNullable(entries.get(message));
  }
}
