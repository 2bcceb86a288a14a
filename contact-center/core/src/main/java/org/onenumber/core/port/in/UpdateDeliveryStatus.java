package org.onenumber.core.port.in;

import java.util.Optional;
import org.onenumber.core.messaging.DeliveryStatus;
import org.onenumber.core.messaging.Message;
import org.onenumber.core.messaging.MessageId;

/** A channel reported progress of an outbound message (a Twilio status callback, a chat client's ack). */
public interface UpdateDeliveryStatus {

  /**
   * Applies a provider's report. A status the message has already passed is ignored (providers
   * report out of order).
   *
   * @return the message as stored afterwards; empty when no message has that provider id
   */
  Optional<Message> byProvider(String providerId, DeliveryStatus status, String errorCode);

  /** Same, for a message known by its own id (web chat acknowledgements). */
  Optional<Message> byId(MessageId id, DeliveryStatus status);
}
