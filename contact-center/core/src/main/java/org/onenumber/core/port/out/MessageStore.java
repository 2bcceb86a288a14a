package org.onenumber.core.port.out;

import java.util.List;
import java.util.Optional;
import org.onenumber.core.contact.ContactId;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.messaging.MessageId;

/**
 * Where the messages of text conversations are kept. {@link #save} returns once the message is
 * durable (inside the caller's transaction, if any): a channel is acknowledged only after that.
 * Provider ids are unique: saving a second message with a stored provider id fails.
 */
public interface MessageStore {

  /** Inserts a new message, or updates the provider id, status and error of a stored one. */
  void save(Message message);

  Optional<Message> find(MessageId id);

  /** The message the provider knows as {@code providerId} (Twilio's MessageSid, a chat client id). */
  Optional<Message> findByProvider(String providerId);

  /** The contact's messages, oldest first. */
  List<Message> byContact(ContactId contact);
}
