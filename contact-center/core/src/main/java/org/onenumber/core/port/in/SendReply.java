package org.onenumber.core.port.in;

import org.onenumber.core.messaging.Message;

/** An operator (or the system) answers a citizen in their conversation. */
public interface SendReply {

  /**
   * Stores the message and hands it to its channel. A provider failure does not throw: the message
   * comes back {@code FAILED} with the provider's error, for the operator to see.
   *
   * @throws org.onenumber.core.error.NotFoundException when the contact does not exist
   * @throws org.onenumber.core.error.PermanentException {@code refused} when the citizen opted out
   */
  Message send(SendReplyCommand command);
}
