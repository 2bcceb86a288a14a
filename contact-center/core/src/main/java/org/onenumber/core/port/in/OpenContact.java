package org.onenumber.core.port.in;

import java.util.function.Consumer;
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
   * As {@link #open(OpenContactCommand)}, and runs {@code alsoInTransaction} with the queued
   * contact inside the transaction that stores it: what it writes commits or rolls back with the
   * contact (the intake's idempotency key). An exception it throws rolls the contact back. An
   * intake without transactions (a test's fake) does not offer it.
   */
  default Contact open(OpenContactCommand command, Consumer<Contact> alsoInTransaction) {
    throw new UnsupportedOperationException("this intake cannot write in the contact's transaction");
  }
}
