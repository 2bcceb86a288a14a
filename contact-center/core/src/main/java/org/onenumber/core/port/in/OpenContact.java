package org.onenumber.core.port.in;

import java.util.Optional;
import org.onenumber.core.citizen.Citizen;
import org.onenumber.core.contact.Contact;

/** A citizen reached the city on some channel: record the contact and put it in a queue. */
public interface OpenContact {

  /**
   * Returns the contact, already durable and queued.
   *
   * @throws org.onenumber.core.error.InvalidInputException when no queue serves the contact
   */
  Contact open(OpenContactCommand command);

  /**
   * As {@link #open(OpenContactCommand)}, for a caller that looked the command's identity up in the
   * transaction it opens the contact in: {@code lookedUp} is what it found (empty: nobody has the
   * identity), which an implementation may use instead of reading the citizen again.
   */
  default Contact open(OpenContactCommand command, Optional<Citizen> lookedUp) {
    return open(command);
  }
}
