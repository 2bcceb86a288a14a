package org.onenumber.server.telephony;

import org.onenumber.core.contact.ContactId;
import org.onenumber.core.error.PermanentException;

/**
 * No carrier carries the contact's call (not a call, already over, or no telephony configured).
 * The call-control API answers it with 409 {@code {"error":"no_call"}}.
 */
public final class NoCallException extends PermanentException {

  public NoCallException(ContactId contact) {
    super("no_call", "no carrier carries a call for contact " + contact);
  }
}
