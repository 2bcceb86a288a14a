package org.onenumber.testkit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.RetriableException;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.messaging.MessageId;
import org.onenumber.core.port.out.MessageStore;

/** An in-memory message store with the real one's unique provider ids. Thread-safe. */
public final class FakeMessageStore implements MessageStore {

  private final Map<MessageId, Message> messages = new LinkedHashMap<>();

  @Override
  public synchronized void save(Message message) {
    Message stored = messages.get(message.id());
    if (message.providerId() != null) {
      boolean taken = messages.values().stream()
          .anyMatch(m -> message.providerId().equals(m.providerId()) && !m.id().equals(message.id()));
      if (taken) {
        throw new RetriableException("provider id " + message.providerId() + " is already stored", null);
      }
    }
    if (stored != null && !stored.body().equals(message.body())) {
      throw new IllegalStateException("a stored message's body never changes");
    }
    messages.put(message.id(), message);
  }

  @Override
  public synchronized Optional<Message> find(MessageId id) {
    return Optional.ofNullable(messages.get(id));
  }

  @Override
  public synchronized Optional<Message> findByProvider(String providerId) {
    return messages.values().stream().filter(m -> providerId.equals(m.providerId())).findFirst();
  }

  @Override
  public synchronized List<Message> byContact(ContactId contact) {
    List<Message> result = new ArrayList<>(messages.values().stream()
        .filter(m -> contact.equals(m.contact())).toList());
    result.sort(Comparator.comparing(Message::at).thenComparing(m -> m.id().value()));
    return result;
  }

  public synchronized List<Message> all() {
    return List.copyOf(messages.values());
  }
}
