package org.onenumber.core.port.in;

import org.onenumber.core.contact.Contact;

/** A citizen reached the city on some channel: record the contact and put it in a queue. */
public interface OpenContact {

  /**
   * Returns the contact, already durable and queued.
   *
   * @throws org.onenumber.core.error.InvalidInputException when no queue serves the contact
   */
  Contact open(OpenContactCommand command);
}
